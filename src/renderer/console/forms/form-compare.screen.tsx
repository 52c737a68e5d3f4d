import { Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useAsyncData } from '../../common/components/async-data.hook'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink } from '../app/navigation'
import { LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'
import { FormDiffView } from './form-diff.view'

/** What changed from one published version of a form to another. */
export function FormCompareScreen({
  formId,
  from,
  to,
}: {
  formId: string
  from: number
  to: number
}) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const diff = useAsyncData(
    () => client.call('forms.diff', { formId, fromVersion: from, toVersion: to }),
    [client, formId, from, to],
  )
  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <RouteLink to={{ page: 'forms' }} size="md" w="fit-content">
            {t('console.forms.back')}
          </RouteLink>
        }
        title={t('console.formDiff.compareTitle', { from, to })}
        description={formId}
      />
      {diff.state === 'loading' ? <Loader /> : null}
      {diff.state === 'failed' ? <LoadError code={diff.code} onRetry={diff.reload} /> : null}
      {diff.state === 'done' ? (
        <FormDiffView title={t('console.formDiff.title')} changes={diff.data.changes} />
      ) : null}
    </Stack>
  )
}
