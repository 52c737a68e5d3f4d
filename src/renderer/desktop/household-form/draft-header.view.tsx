import { Box, Group, Kbd, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TeamMember } from '../../../shared/api/ipc.contract'
import { formatIsoDate } from '../../common/format/date.format'
import { AutosaveIndicator } from './autosave.indicator'
import { DateField } from './date.field'
import type { AutosaveState } from './draft-autosave'

/** DOM id of the visit date, for jumping to it when it is wrong. */
export const VISIT_DATE_FIELD = 'q-visit-date'

interface DraftHeaderProps {
  title: string
  previousVisitDate: string | null
  saveState: AutosaveState
  visitDate: string | undefined
  visitDateError: string | undefined
  onVisitDate: (value: string | undefined) => void
  team: readonly TeamMember[]
  enumeratorId: string | null
  onEnumerator: (id: string | null) => void
}

/** Who, when and where: the visit's title, date and enumerator, and the autosave state. */
export function DraftHeader(props: DraftHeaderProps) {
  const { t } = useTranslation()
  const choices = props.team
    .filter((m) => m.active || m.id === props.enumeratorId)
    .map((m) => ({ value: m.id, label: m.name }))
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={1} size="h2">
              {props.title}
            </Title>
            {props.previousVisitDate ? (
              <Text c="grape.8" fw={600} data-testid="previous-visit">
                {t('form.revisit.previousVisit', { date: formatIsoDate(props.previousVisitDate) })}
              </Text>
            ) : null}
          </Stack>
          <AutosaveIndicator state={props.saveState} />
        </Group>
        <Group align="flex-start" gap="xl">
          <Box id={VISIT_DATE_FIELD}>
            <DateField
              label={t('form.visitDate')}
              required
              value={props.visitDate}
              error={props.visitDateError}
              onChange={props.onVisitDate}
            />
          </Box>
          {choices.length > 0 ? (
            <Select
              label={t('form.enumerator')}
              data={choices}
              value={props.enumeratorId}
              onChange={props.onEnumerator}
              placeholder={t('form.enumeratorPlaceholder')}
              allowDeselect={false}
              w={260}
            />
          ) : (
            <Text c="dimmed" size="sm" maw={320} mt={28}>
              {t('form.noTeam')}
            </Text>
          )}
        </Group>
        <KeysHint />
      </Stack>
    </Paper>
  )
}

/** The few keys worth knowing, always in sight. */
function KeysHint() {
  const { t } = useTranslation()
  const item = (keys: string[], text: string) => (
    <Group gap={4} wrap="nowrap" key={text}>
      {keys.map((k) => (
        <Kbd key={k} size="xs">
          {k}
        </Kbd>
      ))}
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    </Group>
  )
  return (
    <Group gap="md" className="keys-hint" aria-label={t('form.keys.title')}>
      {item(['Enter'], t('form.keys.next'))}
      {item(['1–9'], t('form.keys.choose'))}
      {item([t('form.keys.yes'), t('form.keys.no')], t('form.keys.yesNo'))}
      {item(['Alt', 'M'], t('form.keys.addMember'))}
      {item(['Ctrl', 'Enter'], t('form.keys.finalize'))}
      {item(['Delete'], t('form.keys.clear'))}
    </Group>
  )
}
