import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TeamMember } from '../../../shared/api/ipc.contract'
import { errorCode, errorMessage } from '../../common/errors/error.messages'
import { callMain } from '../api/desktop.client'

interface TeamDialogProps {
  opened: boolean
  members: readonly TeamMember[]
  onClose: () => void
  /** The list changed: reload it. */
  onChanged: () => void
}

/**
 * The team kept on this laptop: add a person, rename, stop or resume. Nobody is deleted,
 * because saved visits name who made them.
 */
export function TeamDialog({ opened, members, onClose, onChanged }: TeamDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('team.dialogTitle')} size="lg" centered>
      {opened ? <TeamEditor members={members} onChanged={onChanged} onClose={onClose} /> : null}
    </Modal>
  )
}

function TeamEditor({ members, onChanged, onClose }: Omit<TeamDialogProps, 'opened'>) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      onChanged()
      return true
    } catch (e) {
      setError(errorMessage(errorCode(e), t))
      return false
    } finally {
      setBusy(false)
    }
  }
  const add = async () => {
    if (name.trim() === '') {
      setError(t('team.nameRequired'))
      return
    }
    if (await run(() => callMain('team.add', { name: name.trim() }))) setName('')
  }
  const rename = async () => {
    if (!editing) return
    if (editing.name.trim() === '') {
      setError(t('team.nameRequired'))
      return
    }
    const { id, name: next } = editing
    if (await run(() => callMain('team.update', { id, name: next.trim() }))) setEditing(null)
  }

  return (
    <Stack gap="md">
      <Text c="dimmed">{t('team.dialogHint')}</Text>
      {members.length === 0 ? <Text>{t('team.empty')}</Text> : null}
      {members.length > 0 ? (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  {editing?.id === m.id ? (
                    <TextInput
                      aria-label={t('team.newName')}
                      value={editing.name}
                      data-autofocus
                      onChange={(e) => setEditing({ id: m.id, name: e.currentTarget.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void rename()
                        if (e.key === 'Escape') {
                          e.stopPropagation()
                          setEditing(null)
                        }
                      }}
                    />
                  ) : (
                    <Group gap="xs">
                      <Text fw={600} c={m.active ? undefined : 'dimmed'}>
                        {m.name}
                      </Text>
                      {m.active ? null : (
                        <Badge color="gray" variant="light">
                          {t('team.inactive')}
                        </Badge>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {editing?.id === m.id ? (
                      <Button size="sm" onClick={() => void rename()} loading={busy}>
                        {t('team.saveName')}
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="default"
                        onClick={() => setEditing({ id: m.id, name: m.name })}
                      >
                        {t('team.rename')}
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="subtle"
                      color={m.active ? 'red' : 'blue'}
                      onClick={() =>
                        void run(() => callMain('team.update', { id: m.id, active: !m.active }))
                      }
                      disabled={busy}
                    >
                      {m.active ? t('team.deactivate') : t('team.activate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={t('team.addLabel')}
            placeholder={t('team.addPlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: 1 }}
            maxLength={100}
            data-autofocus={members.length === 0 ? true : undefined}
            autoComplete="off"
          />
          <Button type="submit" loading={busy}>
            {t('team.add')}
          </Button>
        </Group>
      </form>
      {error ? (
        <Text c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('app.close')}
        </Button>
      </Group>
    </Stack>
  )
}
