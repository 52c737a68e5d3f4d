import { Divider, Loader, Modal, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HouseholdDetail, VisitSummary } from '../../../shared/api/ipc.contract'
import type { FormDefinition } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { formatIsoDate } from '../../common/format/date.format'
import type { VillageChoice } from '../../common/forms/form-text'
import { callMain } from '../api/desktop.client'
import { ChangesList } from './changes.list'
import { FormVersionAlert } from './form-version.alert'
import { useRecordForm, visitFormRef } from './record-form.hook'
import { ResponseView } from './response.view'

interface VisitViewModalProps {
  visit: VisitSummary | null
  household: HouseholdDetail
  /** The form new visits use; the visit is shown with the version it was made on. */
  currentForm: FormDefinition
  villages: readonly VillageChoice[]
  onClose: () => void
}

/** One past visit, read only: what changed since the visit before, then the whole form. */
export function VisitViewModal(props: VisitViewModalProps) {
  const { visit, onClose } = props
  const { t } = useTranslation()
  return (
    <Modal
      opened={visit !== null}
      onClose={onClose}
      size="xl"
      title={visit ? t('visits.viewTitle', { date: formatIsoDate(visit.visitDate) }) : ''}
    >
      {visit ? <VisitBody {...props} visit={visit} /> : null}
    </Modal>
  )
}

function VisitBody(props: VisitViewModalProps & { visit: VisitSummary }) {
  const { visit, villages } = props
  const { t } = useTranslation()
  const loaded = useAsyncData(() => callMain('households.visit', { visitId: visit.id }), [visit.id])
  const formRef = visitFormRef(visit)
  const recordForm = useRecordForm(formRef, props.currentForm)
  if (loaded.state === 'loading' || recordForm.state === 'loading') return <Loader />
  if (loaded.state === 'failed')
    return <LoadFailedAlert code={loaded.code} onRetry={loaded.reload} />
  if (recordForm.state === 'failed')
    return <FormVersionAlert code={recordForm.code} formRef={formRef} onRetry={recordForm.reload} />
  const form = recordForm.data
  const { response, previous } = loaded.data
  return (
    <Stack gap="md" data-testid="visit-view">
      <Text c="dimmed">
        {t('visits.by', { name: visit.enumeratorName ?? t('visits.unknownEnumerator') })}
      </Text>
      <Title order={3} size="h4">
        {t('visits.changesTitle')}
      </Title>
      {previous ? (
        <ChangesList form={form} previous={previous} current={response} villages={villages} />
      ) : (
        <Text c="dimmed">{t('visits.firstVisit')}</Text>
      )}
      <Divider />
      <Title order={3} size="h4">
        {t('visits.wholeForm')}
      </Title>
      <ResponseView form={form} response={response} villages={villages} />
    </Stack>
  )
}
