import { Badge, Tooltip } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { SyncState } from '../../../shared/api/ipc.contract'
import { vi } from '../../i18n/vi'

const COLORS: Record<SyncState, string> = { pending: 'yellow', sent: 'green', rejected: 'red' }

/** Where a household stands with the province server: Chờ gửi · Đã gửi · Bị từ chối. */
export function SyncStateBadge({ state }: { state: SyncState }) {
  const { t } = useTranslation()
  const badge = (
    <Badge
      color={COLORS[state]}
      variant={state === 'pending' ? 'light' : 'filled'}
      size="lg"
      radius="sm"
    >
      {t(`syncState.${state}`)}
    </Badge>
  )
  return state === 'rejected' ? (
    <Tooltip label={t('syncState.rejectedHint')}>{badge}</Tooltip>
  ) : (
    badge
  )
}

type KnownReason = Exclude<keyof typeof vi.rejectReasons, 'other'>

/** The server's reason code for a rejection in plain words; unknown codes are shown as they are. */
export function rejectReasonText(reason: string, t: TFunction): string {
  const known = reason !== 'other' && Object.hasOwn(vi.rejectReasons, reason)
  return known ? t(`rejectReasons.${reason as KnownReason}`) : t('rejectReasons.other', { reason })
}
