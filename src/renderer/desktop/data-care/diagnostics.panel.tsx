import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorCode } from '../../common/errors/error.messages'
import { currentLocale } from '../../i18n/i18n'
import { callMain } from '../api/desktop.client'
import { dataCareError, formatBytes } from './data-care.format'
import { saveBytes } from './save-file'

type Outcome = { kind: 'saved'; fileName: string; bytes: number } | { kind: 'failed'; code: string }

/** "Xuất tệp chẩn đoán": the support bundle (logs, version, statistics; no records). */
export function DiagnosticsPanel({ logsDir }: { logsDir: string | null }) {
  const { t, i18n } = useTranslation()
  const [running, setRunning] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const exportBundle = async () => {
    setRunning(true)
    setOutcome(null)
    try {
      const bundle = await callMain('diagnostics.export', {})
      saveBytes(bundle.fileName, bundle.bytesBase64, 'application/zip')
      setOutcome({ kind: 'saved', fileName: bundle.fileName, bytes: bundle.bytes })
    } catch (error) {
      setOutcome({ kind: 'failed', code: errorCode(error) })
    } finally {
      setRunning(false)
    }
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={2} size="h4">
              {t('dataCare.diagnosticsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dataCare.diagnosticsHint')}
            </Text>
            {logsDir ? (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('dataCare.logsAt', { path: logsDir })}
              </Text>
            ) : null}
          </Stack>
          <Button
            variant="default"
            onClick={() => void exportBundle()}
            loading={running}
            data-testid="export-diagnostics"
            style={{ flexShrink: 0 }}
          >
            {t('dataCare.exportDiagnostics')}
          </Button>
        </Group>
        {outcome?.kind === 'saved' ? (
          <Alert color="green" variant="light" data-testid="diagnostics-done">
            {t('dataCare.diagnosticsSaved', {
              name: outcome.fileName,
              size: formatBytes(outcome.bytes, t, currentLocale(i18n)),
            })}
          </Alert>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <Alert color="red" variant="light" role="alert">
            {dataCareError(outcome.code, t)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  )
}
