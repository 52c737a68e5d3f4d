import { Badge, Button, type ButtonProps, FileButton, Group, UnstyledButton } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { RECEIPT_FILE_ACCEPT } from './receipt-file.read'
import type { SyncController } from './sync.hook'

/**
 * The header's sync area: what is waiting, "Nhập biên nhận (USB)" once a batch file was
 * exported (its receipt comes back on the stick), and the "Đồng bộ" button.
 */
export function SyncControls({ sync, onOpen }: { sync: SyncController; onOpen: () => void }) {
  const { t } = useTranslation()
  // Records that left in a batch or file await its receipt; the rest still wait to go.
  const awaiting = sync.status?.awaiting ?? 0
  const pending = (sync.status?.pending ?? 0) - awaiting
  // Nothing left to send is not "all sent" while the province refused some records.
  const rejected = sync.status?.rejected ?? 0
  // "All sent" on a laptop that has recorded nothing yet would be misleading.
  const hasRecords =
    sync.status !== null && sync.status.pending + sync.status.sent + sync.status.rejected > 0
  return (
    <Group gap="sm" wrap="nowrap">
      {sync.status?.clockBehind ? (
        <Badge size="lg" radius="sm" color="red" variant="light" data-testid="clock-behind">
          {t('sync.clockBehind')}
        </Badge>
      ) : null}
      {sync.status && sync.status.openConflicts > 0 ? (
        <Badge size="lg" radius="sm" color="orange" variant="light" data-testid="open-conflicts">
          {t('sync.openConflicts', { count: sync.status.openConflicts })}
        </Badge>
      ) : null}
      {hasRecords ? (
        // The badge opens the sync screen: what waits, per village, and why.
        <UnstyledButton onClick={onOpen} title={t('syncScreen.open')}>
          <Badge
            size="lg"
            radius="sm"
            color={pending > 0 ? 'yellow' : awaiting > 0 ? 'cyan' : rejected > 0 ? 'red' : 'green'}
            variant="light"
            data-testid="pending-count"
            style={{ cursor: 'pointer' }}
          >
            {pending > 0
              ? t('sync.pending', { count: pending })
              : awaiting > 0
                ? t('sync.awaiting', { count: awaiting })
                : rejected > 0
                  ? t('sync.rejectedLeft', { count: rejected })
                  : t('sync.allSent')}
          </Badge>
        </UnstyledButton>
      ) : null}
      {sync.status?.lastExport ? <ReceiptButton sync={sync} /> : null}
      <Button onClick={() => void sync.run()} loading={sync.running} disabled={sync.running}>
        {t('sync.button')}
      </Button>
    </Group>
  )
}

/** Picks a receipt file; the same file may be picked again (it then says "already applied"). */
export function ReceiptButton({
  sync,
  size,
}: {
  sync: SyncController
  size?: ButtonProps['size']
}) {
  const { t } = useTranslation()
  const reset = useRef<() => void>(null)
  return (
    <FileButton
      resetRef={reset}
      accept={RECEIPT_FILE_ACCEPT}
      onChange={(file) => {
        if (!file) return
        void sync.importReceipt(file).finally(() => reset.current?.())
      }}
    >
      {(props) => (
        <Button {...props} size={size} variant="default" disabled={sync.running}>
          {t('receiptImport.button')}
        </Button>
      )}
    </FileButton>
  )
}
