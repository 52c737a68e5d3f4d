import { Notification, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../common/errors/error.messages'
import type { SyncOutcome } from './sync.hook'

type ReceiptOutcome = Extract<SyncOutcome, { kind: 'receipt' | 'receiptFailed' }>

/**
 * What a receipt file did: the province's verdict on the exported records, or why the file
 * was not used (nothing changed then). A receipt applied before is news, not a failure.
 */
export function ReceiptNotice({
  outcome,
  onClose,
}: {
  outcome: ReceiptOutcome
  onClose: () => void
}) {
  const { t } = useTranslation()
  if (outcome.kind === 'receiptFailed') {
    const already = outcome.code === 'receipt_already_applied'
    return (
      <Notification
        color={already ? 'blue' : 'red'}
        title={already ? t('receiptImport.alreadyTitle') : t('receiptImport.errorTitle')}
        onClose={onClose}
        role={already ? 'status' : 'alert'}
        withBorder
        data-testid="receipt-result"
      >
        <Text size="md" c="dark.9">
          {errorMessage(outcome.code, t)}
        </Text>
      </Notification>
    )
  }
  const { result } = outcome
  const total = result.accepted + result.duplicate + result.rejected
  return (
    <Notification
      color={result.rejected > 0 ? 'orange' : 'green'}
      title={t('receiptImport.title')}
      onClose={onClose}
      role="status"
      withBorder
      data-testid="receipt-result"
    >
      <Text size="md" c="dark.9">
        {result.settled === 0
          ? t('receiptImport.nothingChanged', { count: total })
          : t('receiptImport.done', {
              count: total,
              accepted: result.accepted,
              duplicate: result.duplicate,
              rejected: result.rejected,
            })}
      </Text>
      {result.rejected > 0 ? (
        <Text size="sm" c="dark.9">
          {t('sync.resultRejectedHint')}
        </Text>
      ) : null}
    </Notification>
  )
}
