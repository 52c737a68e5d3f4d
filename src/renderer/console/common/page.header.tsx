import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** A page's title, an optional line under it, and its main actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  above,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  above?: ReactNode
}) {
  return (
    <Stack gap={6}>
      {above}
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="lg">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {description ? (
            <Text c="dimmed" size="md">
              {description}
            </Text>
          ) : null}
        </Stack>
        {actions ? (
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        ) : null}
      </Group>
    </Stack>
  )
}
