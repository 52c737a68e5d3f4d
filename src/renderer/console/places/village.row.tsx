import { Badge, Button, Group, NumberInput, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Village } from '../../../shared/api/http.contract'
import { formatCount } from '../../common/format/number.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { consoleErrorMessage } from '../common/console-errors'
import { numberSeparators } from '../common/number-input'
import { MAX_REGISTERED_HOUSEHOLDS, registeredError, villageNameError } from './village-fields'

/**
 * One village of a commune: its numbers and status, and — for staff who may change it —
 * rename / set registered households in place, deactivate and reactivate.
 */
export function VillageRow({
  village,
  canEdit,
  onChanged,
}: {
  village: Village
  canEdit: boolean
  onChanged: (village: Village, notice: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(village.name)
  const [registered, setRegistered] = useState<number | string>(village.registeredHouseholds)
  const save = useAction(async () => {
    const saved = await client.call('places.updateVillage', {
      code: village.code,
      name: name.trim(),
      registeredHouseholds: Number(registered),
    })
    setEditing(false)
    onChanged(saved, t('console.villages.saved', { name: saved.name }))
  })
  const toggle = useAction(async () => {
    const saved = village.active
      ? await client.call('places.deactivateVillage', { code: village.code })
      : await client.call('places.updateVillage', { code: village.code, active: true })
    onChanged(
      saved,
      t(saved.active ? 'console.villages.reactivated' : 'console.villages.deactivated', {
        name: saved.name,
      }),
    )
  })
  const errors = { name: villageNameError(name, t), registered: registeredError(registered, t) }
  const failure = save.failure ?? toggle.failure
  const failureText = failure
    ? consoleErrorMessage(failure, t, { conflict: t('console.villages.nameTaken') })
    : null

  if (editing) {
    return (
      <Table.Tr>
        <Table.Td colSpan={2}>
          <TextInput
            aria-label={t('console.villages.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name ?? failureText}
            data-autofocus
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            aria-label={t('console.villages.registered')}
            value={registered}
            onChange={setRegistered}
            min={0}
            max={MAX_REGISTERED_HOUSEHOLDS}
            allowDecimal={false}
            allowNegative={false}
            {...numberSeparators(locale)}
            error={errors.registered}
          />
        </Table.Td>
        <Table.Td colSpan={3}>
          <Group gap="xs" justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setEditing(false)
                setName(village.name)
                setRegistered(village.registeredHouseholds)
                save.reset()
              }}
            >
              {t('console.common.cancel')}
            </Button>
            <Button
              loading={save.pending}
              onClick={() => {
                if (!errors.name && !errors.registered) void save.run()
              }}
            >
              {t('console.common.save')}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
    )
  }

  return (
    <Table.Tr c={village.active ? undefined : 'dimmed'}>
      <Table.Td fw={700}>{village.name}</Table.Td>
      <Table.Td c="dimmed">{village.code}</Table.Td>
      <Table.Td ta="right">{formatCount(village.registeredHouseholds, locale)}</Table.Td>
      <Table.Td ta="right">{formatCount(village.householdsReceived, locale)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={village.active ? 'green' : 'gray'} radius="sm">
          {village.active ? t('console.villages.active') : t('console.villages.inactive')}
        </Badge>
      </Table.Td>
      {canEdit ? (
        <Table.Td>
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {village.active ? (
              <Button
                variant="subtle"
                size="sm"
                aria-label={t('console.villages.editLabel', { name: village.name })}
                onClick={() => setEditing(true)}
              >
                {t('console.common.edit')}
              </Button>
            ) : null}
            <Button
              variant="subtle"
              size="sm"
              color={village.active ? 'red' : 'blue'}
              loading={toggle.pending}
              aria-label={t(
                village.active
                  ? 'console.villages.deactivateLabel'
                  : 'console.villages.reactivateLabel',
                { name: village.name },
              )}
              onClick={() => void toggle.run()}
            >
              {village.active ? t('console.villages.deactivate') : t('console.villages.reactivate')}
            </Button>
          </Group>
          {toggle.failure ? (
            <Text size="sm" c="red" ta="right">
              {failureText}
            </Text>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  )
}
