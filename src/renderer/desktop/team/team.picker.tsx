import { Button, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IpcOutput } from '../../../shared/api/ipc.contract'
import { errorCode, errorMessage } from '../../common/errors/error.messages'
import { callMain } from '../api/desktop.client'

/** The team list and who is recording now, as `team.list` answers it. */
export type TeamState = IpcOutput<'team.list'>

interface TeamPickerProps {
  team: TeamState
  onChanged: () => void
  onManage: () => void
}

/**
 * "Ai đang khảo sát?": the laptop is shared, so the person recording picks their name
 * once; it is remembered and written on every visit until someone else picks theirs.
 */
export function TeamPicker({ team, onChanged, onManage }: TeamPickerProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const active = team.members.filter((m) => m.active)

  const pick = async (id: string) => {
    setError(null)
    try {
      await callMain('team.setCurrent', { id })
      onChanged()
    } catch (e) {
      setError(errorMessage(errorCode(e), t))
    }
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="team-picker-title">
            {t('team.pickerTitle')}
          </Title>
          <Button variant="subtle" onClick={onManage}>
            {t('team.manage')}
          </Button>
        </Group>
        {active.length === 0 ? (
          <Group>
            <Text c="dimmed">{t('team.emptyPicker')}</Text>
            <Button variant="light" onClick={onManage}>
              {t('team.addFirst')}
            </Button>
          </Group>
        ) : (
          <Chip.Group
            multiple={false}
            value={team.currentId ?? ''}
            onChange={(id) => void pick(id)}
          >
            <Group gap="sm" role="radiogroup" aria-labelledby="team-picker-title">
              {active.map((m) => (
                <Chip key={m.id} value={m.id} size="lg" radius="md">
                  {m.name}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
        {error ? (
          <Text c="red.8" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
