import { Notification, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../common/errors/error.messages'
import { ReceiptNotice } from './receipt-result.notice'
import type { SyncController } from './sync.hook'
import { SyncProgressView } from './sync-progress.view'

/** What the last sync did, in words: counts on success, what to do on failure. */
export function SyncResultNotice({ sync }: { sync: SyncController }) {
  const { t } = useTranslation()
  if (sync.running) return <SyncProgressView progress={sync.status?.progress ?? null} />
  const { outcome } = sync
  if (!outcome) return null
  if (outcome.kind === 'failed') {
    return (
      <Notification
        color="red"
        title={t('sync.errorTitle')}
        onClose={sync.dismiss}
        role="alert"
        withBorder
      >
        <Text size="md" c="dark.9">
          {errorMessage(outcome.code, t)}
        </Text>
      </Notification>
    )
  }
  if (outcome.kind === 'receipt' || outcome.kind === 'receiptFailed') {
    return <ReceiptNotice outcome={outcome} onClose={sync.dismiss} />
  }
  if (outcome.kind === 'exported') {
    return (
      <Notification
        color="blue"
        title={t('exportBatch.title')}
        onClose={sync.dismiss}
        role="status"
        withBorder
        data-testid="export-result"
      >
        <Text size="md" c="dark.9">
          {t('exportBatch.done', { fileName: outcome.fileName, count: outcome.revisions })}
        </Text>
      </Notification>
    )
  }
  const { report } = outcome
  return (
    <Notification
      color={report.rejected > 0 ? 'orange' : 'green'}
      title={t('sync.resultTitle')}
      onClose={sync.dismiss}
      role="status"
      withBorder
      data-testid="sync-result"
    >
      <Text size="md" c="dark.9">
        {report.sent === 0
          ? t('sync.resultNothing')
          : t('sync.resultSent', {
              sent: report.sent,
              accepted: report.accepted,
              duplicate: report.duplicate,
              rejected: report.rejected,
            })}
      </Text>
      {report.rejected > 0 ? (
        <Text size="sm" c="dark.9">
          {t('sync.resultRejectedHint')}
        </Text>
      ) : null}
    </Notification>
  )
}
