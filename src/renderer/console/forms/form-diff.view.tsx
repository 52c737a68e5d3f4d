import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FormChange } from '../../../shared/forms/form-diff'
import { currentLocale } from '../../i18n/i18n'
import { withUniqueKeys } from '../common/unique-keys'

const KIND_COLOR: Record<FormChange['change'], string> = {
  added: 'green',
  removed: 'red',
  moved: 'grape',
  changed: 'blue',
}

/** The changes between two versions, one readable sentence each, in the reader's language. */
export function FormDiffView({
  title,
  changes,
}: {
  title: string
  changes: readonly FormChange[]
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {title}
          </Title>
          <Text fw={600} c="dimmed">
            {t('console.formDiff.count', { count: changes.length })}
          </Text>
        </Group>
        {changes.length === 0 ? (
          <Text>{t('console.formDiff.none')}</Text>
        ) : (
          <Table verticalSpacing="xs" fz="md" data-testid="form-diff">
            <Table.Tbody>
              {withUniqueKeys(changes, changeKey).map(({ item: change, key }) => (
                <Table.Tr key={key}>
                  <Table.Td w={120} style={{ verticalAlign: 'top' }}>
                    <Badge variant="light" radius="sm" color={KIND_COLOR[change.change]} fullWidth>
                      {t(`console.formDiff.kinds.${change.change}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{change.text[locale]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}

function changeKey(change: FormChange): string {
  return [change.change, change.target, change.id, change.choice ?? '', change.property ?? ''].join(
    '/',
  )
}
