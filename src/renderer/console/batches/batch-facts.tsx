import { Paper, SimpleGrid, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A batch's counts side by side: new, received before, rejected. */
export function OutcomeCounts({
  counts,
}: {
  counts: { accepted: number; duplicate: number; rejected: number }
}) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={3}>
      <OutcomeCount
        label={t('console.batchImport.accepted')}
        value={counts.accepted}
        color="green"
      />
      <OutcomeCount
        label={t('console.batchImport.duplicates')}
        value={counts.duplicate}
        color="blue"
      />
      <OutcomeCount label={t('console.batchImport.rejected')} value={counts.rejected} color="red" />
    </SimpleGrid>
  )
}

/** One outcome's count of a batch (accepted, received before, rejected), large. */
function OutcomeCount({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text c="dimmed">{label}</Text>
      <Text fz={32} fw={700} c={value > 0 ? `${color}.8` : 'gray.6'}>
        {value}
      </Text>
    </Paper>
  )
}

/** A labelled line of a batch's facts table. */
export function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  )
}
