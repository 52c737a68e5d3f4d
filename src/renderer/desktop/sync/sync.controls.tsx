import { Badge, Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SyncController } from './sync.hook'

/** The header's sync area: what is waiting and the "Đồng bộ" button. */
export function SyncControls({ sync }: { sync: SyncController }) {
  const { t } = useTranslation()
  const pending = sync.status?.pending ?? 0
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
        <Badge
          size="lg"
          radius="sm"
          color={pending > 0 ? 'yellow' : 'green'}
          variant="light"
          data-testid="pending-count"
        >
          {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSent')}
        </Badge>
      ) : null}
      <Button onClick={() => void sync.run()} loading={sync.running} disabled={sync.running}>
        {t('sync.button')}
      </Button>
    </Group>
  )
}
