import { Paper, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** One outcome's count of a batch (accepted, received before, rejected), large. */
export function OutcomeCount({
  label,
  value,
  color,
}: {
  label: string
  value: number
  color: string
}) {
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
