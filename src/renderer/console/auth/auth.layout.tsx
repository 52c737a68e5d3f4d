import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../../common/components/language.switch'

/** The page around sign-in and first-run setup: the console's name and one calm card. */
export function AuthLayout({ width = 460, children }: { width?: number; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Box mih="100vh" bg="gray.0" py={24}>
      <Center>
        <Stack gap="lg" w={width} maw="94vw">
          <Group justify="space-between" align="flex-end">
            <Stack gap={0}>
              <Title order={1} size="h2" c="blue.8">
                {t('console.name')}
              </Title>
              <Text c="dimmed" size="lg">
                {t('console.subtitle')}
              </Text>
            </Stack>
            <LanguageSwitch />
          </Group>
          <Paper withBorder radius="md" p="xl" shadow="xs">
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  )
}
