import { Divider, Loader, Modal, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { VisitSummary } from '../../../shared/api/ipc.contract'
import type { FormDefinition } from '../../../shared/forms/form-definition.schema'
import { useAsyncData } from '../../common/components/async-data.hook'
import { LoadFailedAlert } from '../../common/components/load-failed.alert'
import { formatIsoDate } from '../../common/format/date.format'
import type { VillageChoice } from '../../common/forms/form-text'
import { callMain } from '../api/desktop.client'
import { ChangesList } from './changes.list'
import { ResponseView } from './response.view'

interface VisitViewModalProps {
  visit: VisitSummary | null
  form: FormDefinition
  villages: readonly VillageChoice[]
  onClose: () => void
}

/** One past visit, read only: what changed since the visit before, then the whole form. */
export function VisitViewModal({ visit, form, villages, onClose }: VisitViewModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={visit !== null}
      onClose={onClose}
      size="xl"
      title={visit ? t('visits.viewTitle', { date: formatIsoDate(visit.visitDate) }) : ''}
    >
      {visit ? <VisitBody visit={visit} form={form} villages={villages} /> : null}
    </Modal>
  )
}

function VisitBody({
  visit,
  form,
  villages,
}: {
  visit: VisitSummary
  form: FormDefinition
  villages: readonly VillageChoice[]
}) {
  const { t } = useTranslation()
  const loaded = useAsyncData(() => callMain('households.visit', { visitId: visit.id }), [visit.id])
  if (loaded.state === 'loading') return <Loader />
  if (loaded.state === 'failed')
    return <LoadFailedAlert code={loaded.code} onRetry={loaded.reload} />
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
