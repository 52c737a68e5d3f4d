import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { ConsoleCallError } from '../api/console.client'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { useAction } from '../common/action.hook'
import { readFileAsBase64 } from '../common/browser-file'
import { useCommunes } from '../common/communes.hook'
import { ErrorAlert } from '../common/error.alert'
import { PageHeader } from '../common/page.header'
import { DropZone } from './batch-drop.zone'
import { ReceiptDownloadButton } from './batch-import.receipt'
import { BatchImportRecords } from './batch-import.records'
import { BatchImportResult } from './batch-import.result'
import { refusalOverrides } from './batch-reasons'
import { useDevices } from './devices.hook'

const ACCEPT = '.langso-batch,application/vnd.langso.batch'
/** The JSON body carries the file as base64; the server's body limit bounds the file first. */
const MAX_BATCH_FILE_BYTES = 32 * 1024 * 1024

type Step = 'reading' | 'sending'

/**
 * Import of a sealed batch file carried on a USB stick: drop or choose the file, watch it
 * read and send, then see what was accepted, already stored or rejected, and the file's
 * manifest — or, when the whole file is refused, why in plain words.
 */
export function BatchImportScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const navigate = useNavigate()
  const communes = useCommunes()
  const devices = useDevices()
  const [fileName, setFileName] = useState<string | null>(null)
  const [step, setStep] = useState<Step>('reading')
  const [result, setResult] = useState<HttpOutput<'batches.importFile'> | null>(null)

  const upload = useAction(async (file: File) => {
    setResult(null)
    setFileName(file.name)
    setStep('reading')
    if (file.size > MAX_BATCH_FILE_BYTES) throw new ConsoleCallError('file_too_large', file.name)
    const contentBase64 = await readFileAsBase64(file)
    setStep('sending')
    setResult(await client.call('batches.importFile', { fileName: file.name, contentBase64 }))
  })

  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <RouteLink to={{ page: 'batches' }} size="md" w="fit-content">
            {t('console.batchImport.back')}
          </RouteLink>
        }
        title={t('console.batchImport.title')}
        description={t('console.batchImport.intro')}
      />
      <DropZone
        accept={ACCEPT}
        title={
          result || upload.failure
            ? t('console.batchImport.dropAnother')
            : t('console.batchImport.drop')
        }
        hint={t('console.batchImport.dropHint')}
        disabled={upload.pending}
        onFile={(file) => void upload.run(file)}
      />
      {upload.pending ? (
        <Stack gap={6} data-testid="batch-import-progress">
          <Text>{t(`console.batchImport.${step}`, { file: fileName ?? '' })}</Text>
          <Progress value={step === 'reading' ? 35 : 80} animated size="lg" />
        </Stack>
      ) : null}
      {upload.failure ? (
        <ErrorAlert
          failure={upload.failure}
          title={t('console.batchImport.refusedTitle', { file: fileName ?? '' })}
          overrides={{
            ...refusalOverrides(t),
            file_too_large: t('console.batchImport.fileTooLarge'),
          }}
        />
      ) : null}
      {result && fileName ? (
        <>
          <BatchImportResult
            fileName={fileName}
            result={result}
            communeName={communes.nameOf}
            deviceName={devices.nameOf}
          />
          <BatchImportRecords records={result.records} />
          <Group>
            <Button size="md" onClick={() => navigate({ page: 'batches' })}>
              {t('console.batchImport.toInbox')}
            </Button>
            <ReceiptDownloadButton result={result} />
            {result.receipt.rejected > 0 ? (
              <Button size="md" variant="default" onClick={() => navigate({ page: 'quarantine' })}>
                {t('console.batchImport.toQuarantine')}
              </Button>
            ) : null}
          </Group>
          <Text c="dimmed">{t('console.batchImport.receiptHint')}</Text>
        </>
      ) : null}
      {!result && !upload.failure && !upload.pending ? (
        <Alert variant="light" color="gray">
          {t('console.batchImport.safeAgain')}
        </Alert>
      ) : null}
    </Stack>
  )
}
