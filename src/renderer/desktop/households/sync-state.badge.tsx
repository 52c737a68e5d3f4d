import { Badge, Tooltip } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { HouseholdSummary, SyncState } from '../../../shared/api/ipc.contract'
import { formatDateTime } from '../../common/format/date.format'
import { vi } from '../../i18n/vi'

const COLORS: Record<SyncState, string> = {
  pending: 'yellow',
  awaiting: 'cyan',
  sent: 'green',
  rejected: 'red',
}

/**
 * Where a household stands with the province server: Chờ gửi · Chờ biên nhận · Đã gửi ·
 * Bị từ chối. The two states that need a word of explanation carry it in a tooltip.
 */
export function SyncStateBadge({
  household,
}: {
  household: Pick<HouseholdSummary, 'syncState' | 'awaitingSince' | 'awaitingVia'>
}) {
  const { t } = useTranslation()
  const state = household.syncState
  const badge = (
    <Badge
      color={COLORS[state]}
      variant={state === 'pending' || state === 'awaiting' ? 'light' : 'filled'}
      size="lg"
      radius="sm"
      data-sync-state={state}
    >
      {t(`syncState.${state}`)}
    </Badge>
  )
  const hint = syncStateHint(household, t)
  return hint === null ? (
    badge
  ) : (
    <Tooltip label={hint} multiline w={320}>
      {badge}
    </Tooltip>
  )
}

function syncStateHint(
  household: Pick<HouseholdSummary, 'syncState' | 'awaitingSince' | 'awaitingVia'>,
  t: TFunction,
): string | null {
  if (household.syncState === 'rejected') return t('syncState.rejectedHint')
  if (household.syncState !== 'awaiting' || household.awaitingSince === null) return null
  const time = formatDateTime(household.awaitingSince)
  return household.awaitingVia === 'export'
    ? t('syncState.awaitingExportHint', { time })
    : t('syncState.awaitingUploadHint', { time })
}

type KnownReason = Exclude<keyof typeof vi.rejectReasons, 'other'>

/** The server's reason code for a rejection in plain words; unknown codes are shown as they are. */
export function rejectReasonText(reason: string, t: TFunction): string {
  const known = reason !== 'other' && Object.hasOwn(vi.rejectReasons, reason)
  return known ? t(`rejectReasons.${reason as KnownReason}`) : t('rejectReasons.other', { reason })
}
