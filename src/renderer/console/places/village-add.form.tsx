import { Button, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Village } from '../../../shared/api/http.contract'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { useAction } from '../common/action.hook'
import { ErrorAlert } from '../common/error.alert'
import { numberSeparators } from '../common/number-input'
import { MAX_REGISTERED_HOUSEHOLDS, registeredError, villageNameError } from './village-fields'

/** Adds one village to a commune; a name the commune already has is refused inline. */
export function VillageAddForm({
  communeCode,
  onAdded,
}: {
  communeCode: string
  onAdded: (village: Village) => void
}) {
  const { t, i18n } = useTranslation()
  const client = useConsoleClient()
  const [name, setName] = useState('')
  const [registered, setRegistered] = useState<number | string>(0)
  const [touched, setTouched] = useState(false)
  const add = useAction(async () => {
    const village = await client.call('places.createVillage', {
      communeCode,
      name: name.trim(),
      registeredHouseholds: Number(registered),
    })
    setName('')
    setRegistered(0)
    setTouched(false)
    onAdded(village)
  })
  const nameTaken = add.failure?.code === 'conflict'
  const errors = { name: villageNameError(name, t), registered: registeredError(registered, t) }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!errors.name && !errors.registered) void add.run()
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate>
        <Title order={2} size="h4" mb="sm">
          {t('console.villages.addTitle')}
        </Title>
        <Group align="flex-start" gap="md">
          <TextInput
            label={t('console.villages.name')}
            placeholder={t('console.villages.namePlaceholder')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value)
              if (nameTaken) add.reset()
            }}
            error={nameTaken ? t('console.villages.nameTaken') : touched ? errors.name : null}
            style={{ flex: 1, minWidth: 260 }}
          />
          <NumberInput
            label={t('console.villages.registered')}
            value={registered}
            onChange={setRegistered}
            min={0}
            max={MAX_REGISTERED_HOUSEHOLDS}
            allowDecimal={false}
            allowNegative={false}
            {...numberSeparators(currentLocale(i18n))}
            error={touched ? errors.registered : null}
            w={220}
          />
          <Button type="submit" loading={add.pending} mt={28}>
            {t('console.villages.add')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mt={6}>
          {t('console.villages.registeredHint')}
        </Text>
        {add.failure && !nameTaken ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert failure={add.failure} />
          </div>
        ) : null}
      </form>
    </Paper>
  )
}
