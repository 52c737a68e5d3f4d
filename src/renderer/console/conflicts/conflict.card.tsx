import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Conflict } from '../../../shared/api/http/sync.contract'
import type { Answer } from '../../../shared/forms/form-response.schema'
import { formatDateTime } from '../../common/format/date.format'
import { currentLocale } from '../../i18n/i18n'
import { RouteLink } from '../app/navigation'
import { shortId } from '../common/short-id'
import {
  type ConflictWords,
  conflictMemberName,
  conflictQuestionLabel,
  conflictValueText,
  type HouseholdContext,
  ROW_CONFLICT,
} from './conflict-text'
import type { ResolveChoice } from './resolve-conflict.modal'

/** The device id the server signs its own revisions with (a choice made in the console). */
const SERVER_DEVICE_ID = '00000000-0000-7000-8000-000000000000'

/**
 * One conflict: the household and the question, the original value, the value in use and
 * the other side by side with their devices, and either the two choices (province staff)
 * or who settled it with what.
 */
export function ConflictCard({
  conflict: c,
  household,
  deviceName,
  canResolve,
  onChoose,
}: {
  conflict: Conflict
  household: HouseholdContext | null
  deviceName: (id: string | null) => string | null
  canResolve: boolean
  onChoose: (choice: ResolveChoice) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const words: ConflictWords = {
    yes: t('answer.yes'),
    no: t('answer.no'),
    empty: t('answer.empty'),
    rowConflict: t('console.conflicts.rowConflict'),
    rowKept: t('console.conflicts.rowKept'),
    rowRemoved: t('console.conflicts.rowRemoved'),
  }
  const show = (value: Answer) => conflictValueText(c, value, locale, words, household)
  const question = conflictQuestionLabel(c, locale, words)
  const member = conflictMemberName(c, household)
  const householdName =
    c.headName ?? t('console.conflicts.unknownHousehold', { id: shortId(c.householdId) })
  const device = (id: string) =>
    id === SERVER_DEVICE_ID
      ? t('console.conflicts.serverDevice')
      : t('console.conflicts.deviceLine', { device: deviceName(id) ?? shortId(id) })
  const choose = (choose: 'winner' | 'loser') =>
    onChoose({
      conflict: c,
      choose,
      question,
      household: householdName,
      value: show(choose === 'winner' ? c.winnerValue : c.loserValue),
    })

  return (
    <Paper withBorder p="md" radius="md" data-testid="conflict" data-status={c.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="sm">
              <RouteLink to={{ page: 'household', id: c.householdId }} fw={700} size="lg">
                {householdName}
              </RouteLink>
              <Badge variant="light" radius="sm">
                {household?.villageName ?? c.villageCode ?? t('console.common.none')}
              </Badge>
            </Group>
            <Text fw={600} size="md">
              {question}
            </Text>
            {c.scope === 'member' && c.questionId !== ROW_CONFLICT ? (
              <Text size="sm" c="dimmed">
                {member
                  ? t('console.conflicts.member', { name: member })
                  : t('console.conflicts.memberUnknown')}
              </Text>
            ) : null}
          </Stack>
          <Stack gap={4} align="flex-end">
            <Badge color={c.status === 'open' ? 'orange' : 'green'} variant="filled" size="lg">
              {t(`console.conflicts.statuses.${c.status}`)}
            </Badge>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('console.conflicts.createdAt', { time: formatDateTime(c.createdAt) })}
            </Text>
          </Stack>
        </Group>
        <SimpleGrid cols={3} spacing="sm">
          <ValueBox label={t('console.conflicts.base')} value={show(c.baseValue)} />
          <ValueBox
            // Once settled, the chosen side is in use; the winner is then just the newer value.
            label={t(c.status === 'open' ? 'console.conflicts.winner' : 'console.conflicts.newer')}
            value={show(c.winnerValue)}
            device={device(c.winnerDeviceId)}
            tone="blue"
            chosen={c.chosen === 'winner'}
            testId="winner"
          />
          <ValueBox
            label={t('console.conflicts.loser')}
            value={show(c.loserValue)}
            device={device(c.loserDeviceId)}
            tone="grape"
            chosen={c.chosen === 'loser'}
            testId="loser"
          />
        </SimpleGrid>
        {c.status === 'resolved' ? (
          <Stack gap={2}>
            <Text size="sm" fw={600} c="green.9" data-testid="conflict-resolution">
              {t('console.conflicts.resolvedLine', {
                user: c.resolvedBy ?? t('console.common.none'),
                choice: t(
                  c.chosen === 'loser'
                    ? 'console.conflicts.resolvedLoser'
                    : 'console.conflicts.resolvedWinner',
                ),
                value: show(c.chosen === 'loser' ? c.loserValue : c.winnerValue),
                time: c.resolvedAt ? formatDateTime(c.resolvedAt) : t('console.common.none'),
              })}
            </Text>
            {c.comment ? (
              <Text size="sm">{t('console.conflicts.commentLine', { comment: c.comment })}</Text>
            ) : null}
          </Stack>
        ) : canResolve ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => choose('winner')}>
              {t('console.conflicts.keepWinner')}
            </Button>
            <Button onClick={() => choose('loser')}>{t('console.conflicts.chooseLoser')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  )
}

function ValueBox({
  label,
  value,
  device,
  tone,
  chosen = false,
  testId,
}: {
  label: string
  value: string
  device?: string
  tone?: string
  chosen?: boolean
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Paper
      p="sm"
      radius="sm"
      bg={tone ? `${tone}.0` : 'gray.0'}
      withBorder
      style={chosen ? { borderColor: 'var(--mantine-color-green-7)', borderWidth: 2 } : undefined}
      data-testid={testId}
    >
      <Stack gap={2}>
        <Group justify="space-between" gap="xs">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            {label}
          </Text>
          {chosen ? (
            <Badge color="green" size="sm">
              {t('console.conflicts.chosen')}
            </Badge>
          ) : null}
        </Group>
        <Text size="lg" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
        {device ? (
          <Text size="xs" c="dimmed">
            {device}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
