import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type {
  HouseholdHistory,
  HouseholdRevisionEntry,
  HouseholdVisit,
} from '../../../shared/api/http.contract'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { choiceLabel } from '../../common/forms/answer.format'
import type { VillageChoice } from '../../common/forms/form-text'
import { currentLocale } from '../../i18n/i18n'
import { rejectReasonText } from '../batches/batch-reasons'
import { shortId } from '../common/short-id'
import { VISIT_RESULT } from './household-filters'
import { RevisionChanges } from './revision-changes'

/**
 * A household's visits, newest first, each with the revisions saved for it: who (the team
 * member named on the laptop) on which laptop, when, whether it is the state in use or was
 * rejected, and what it changed against the revision it was made from.
 */
export function HouseholdHistoryView({
  history,
  villages,
}: {
  history: HouseholdHistory
  villages: readonly VillageChoice[]
}) {
  const { t } = useTranslation()
  const byId = new Map(history.revisions.map((r) => [r.id, r]))
  const visitIds = new Set(history.visits.map((v) => v.id))
  const orphans = history.revisions.filter((r) => !visitIds.has(r.visitId))
  return (
    <Stack gap="lg" data-testid="household-history">
      {history.truncated ? (
        <Text c="orange.9">
          {t('console.records.history.truncated', { count: history.revisions.length })}
        </Text>
      ) : null}
      <Title order={2} size="h3">
        {t('console.records.history.visitsTitle', { count: history.visits.length })}
      </Title>
      {history.visits.map((visit) => (
        <VisitCard
          key={visit.id}
          visit={visit}
          revisions={history.revisions.filter((r) => r.visitId === visit.id)}
          byId={byId}
          villages={villages}
        />
      ))}
      {orphans.length > 0 ? (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="sm">
            {t('console.records.history.otherRevisions')}
          </Title>
          <Stack gap="md">
            {orphans.map((revision) => (
              <RevisionCard key={revision.id} revision={revision} byId={byId} villages={villages} />
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  )
}

function VisitCard({
  visit,
  revisions,
  byId,
  villages,
}: {
  visit: HouseholdVisit
  revisions: readonly HouseholdRevisionEntry[]
  byId: ReadonlyMap<string, HouseholdRevisionEntry>
  villages: readonly VillageChoice[]
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  return (
    <Paper withBorder p="md" radius="md" data-testid="visit">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={3} size="h4">
            {t('console.records.history.visit', { date: formatIsoDate(visit.visitDate) })}
          </Title>
          {visit.visitResult ? (
            <Badge variant="light" radius="sm">
              {choiceLabel(VISIT_RESULT?.choices ?? [], visit.visitResult, locale)}
            </Badge>
          ) : null}
        </Group>
        <Text c="dimmed">
          {t('console.records.history.visitSaves', { count: visit.revisionCount })}
        </Text>
      </Group>
      <Stack gap="md">
        {revisions.map((revision) => (
          <RevisionCard key={revision.id} revision={revision} byId={byId} villages={villages} />
        ))}
      </Stack>
    </Paper>
  )
}

function RevisionCard({
  revision: r,
  byId,
  villages,
}: {
  revision: HouseholdRevisionEntry
  byId: ReadonlyMap<string, HouseholdRevisionEntry>
  villages: readonly VillageChoice[]
}) {
  const { t } = useTranslation()
  const base = r.baseRevisionId ? byId.get(r.baseRevisionId) : undefined
  const members = r.response.repeats.members?.length ?? 0
  const who = r.madeByServer
    ? t('console.records.history.server')
    : t('console.records.history.device', {
        name:
          r.deviceName ?? t('console.records.history.unknownDevice', { id: shortId(r.deviceId) }),
      })
  return (
    <Stack
      gap={6}
      pl="md"
      style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
      data-testid="revision"
      data-status={r.status}
    >
      <Group gap="sm">
        <Text fw={700}>
          {t('console.records.history.savedAt', { time: formatDateTime(r.savedAt) })}
        </Text>
        {r.isHead ? (
          <Badge color="teal" variant="light" radius="sm">
            {t('console.records.history.current')}
          </Badge>
        ) : null}
        {r.status === 'rejected' ? (
          <Badge color="red" variant="light" radius="sm">
            {t('console.records.history.rejected')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {[
          who,
          r.enumeratorName
            ? t('console.records.history.enumerator', { name: r.enumeratorName })
            : r.madeByServer
              ? null
              : t('console.records.history.noEnumerator'),
          t('console.records.history.receivedAt', { time: formatDateTime(r.receivedAt) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {r.settledBy ? (
        <Text size="sm">{t('console.records.history.settledBy', { name: r.settledBy })}</Text>
      ) : null}
      {r.status === 'rejected' ? (
        <Text size="sm" c="red.8">
          {t('console.records.history.rejectedReason', { reason: rejectReasonText(r.reason, t) })}
        </Text>
      ) : null}
      {r.baseRevisionId === null ? (
        <Text size="sm">
          {t('console.records.history.created', {
            answers: Object.keys(r.response.answers).length,
            members,
          })}
        </Text>
      ) : (
        <>
          {base ? null : (
            <Text size="sm" c="orange.9">
              {t('console.records.history.baseMissing')}
            </Text>
          )}
          <RevisionChanges
            base={base?.response ?? null}
            response={r.response}
            villages={villages}
          />
        </>
      )}
    </Stack>
  )
}
