import { Alert, Button, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HttpOutput, VillageImportPreview } from '../../../shared/api/http.contract'
import { formatDateTime } from '../../common/format/date.format'
import { ConsoleCallError } from '../api/console.client'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { useAction } from '../common/action.hook'
import { MAX_UPLOAD_BYTES, readFileAsBase64 } from '../common/browser-file'
import { useCommunes } from '../common/communes.hook'
import { ErrorAlert } from '../common/error.alert'
import { FilePickButton } from '../common/file-pick.button'
import { PageHeader } from '../common/page.header'
import { TemplateButton } from './template.button'
import { VillageImportTable } from './village-import.table'

const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Village import in three steps: pick a CSV/XLSX file (for the whole province, or for one
 * commune), read the server's row-by-row preview, and save — only when no row has an error.
 */
export function VillageImportScreen({ communeCode }: { communeCode: string | null }) {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const navigate = useNavigate()
  const communes = useCommunes()
  const [commune, setCommune] = useState<string | null>(communeCode)
  const [fileName, setFileName] = useState<string | null>(null)
  const [preview, setPreview] = useState<VillageImportPreview | null>(null)
  const [result, setResult] = useState<HttpOutput<'places.importVillagesCommit'> | null>(null)

  const check = useAction(async (file: File) => {
    setPreview(null)
    setFileName(file.name)
    if (file.size > MAX_UPLOAD_BYTES) throw new ConsoleCallError('file_too_large', file.name)
    const contentBase64 = await readFileAsBase64(file)
    setPreview(
      await client.call('places.importVillagesPreview', {
        fileName: file.name,
        contentBase64,
        ...(commune ? { communeCode: commune } : {}),
      }),
    )
  })
  const commit = useAction(async (previewId: string) => {
    setResult(await client.call('places.importVillagesCommit', { previewId }))
  })
  const startAgain = () => {
    setPreview(null)
    setResult(null)
    setFileName(null)
    check.reset()
    commit.reset()
  }
  const back = commune ? (
    <RouteLink to={{ page: 'commune', code: commune }} size="md" w="fit-content">
      {t('console.common.back')}
    </RouteLink>
  ) : (
    <RouteLink to={{ page: 'communes' }} size="md" w="fit-content">
      {t('console.villageImport.back')}
    </RouteLink>
  )

  if (result) {
    return (
      <Stack gap="lg">
        <PageHeader above={back} title={t('console.villageImport.title')} />
        <Alert color="green" variant="light" title={t('console.villageImport.doneTitle')}>
          <Text data-testid="import-result">{t('console.villageImport.done', result)}</Text>
        </Alert>
        <Group>
          <Button
            onClick={() =>
              navigate(commune ? { page: 'commune', code: commune } : { page: 'communes' })
            }
          >
            {t('console.villageImport.toCommunes')}
          </Button>
          <Button variant="default" onClick={startAgain}>
            {t('console.villageImport.again')}
          </Button>
        </Group>
      </Stack>
    )
  }

  return (
    <Stack gap="lg">
      <PageHeader
        above={back}
        title={t('console.villageImport.title')}
        description={t('console.villageImport.intro')}
      />
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" gap="md">
          <Select
            label={t('console.villageImport.commune')}
            placeholder={t('console.villageImport.communePlaceholder')}
            description={t('console.villageImport.communeHint')}
            data={communes.options}
            value={commune}
            onChange={(value) => {
              setCommune(value)
              startAgain()
            }}
            searchable
            clearable
            w={420}
            disabled={check.pending}
          />
          <FilePickButton
            accept={ACCEPT}
            label={
              preview ? t('console.villageImport.pickAnother') : t('console.villageImport.pickFile')
            }
            onPick={(file) => void check.run(file)}
            loading={check.pending}
            variant={preview ? 'default' : 'filled'}
          />
          <TemplateButton variant="subtle" />
        </Group>
      </Paper>
      {check.pending ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('console.villageImport.checking', { file: fileName ?? '' })}</Text>
        </Group>
      ) : null}
      {check.failure ? <ErrorAlert failure={check.failure} /> : null}
      {preview ? (
        <PreviewView
          preview={preview}
          saving={commit.pending}
          onCommit={() => void commit.run(preview.previewId)}
        />
      ) : null}
      {commit.failure ? <ErrorAlert failure={commit.failure} /> : null}
    </Stack>
  )
}

function PreviewView({
  preview,
  saving,
  onCommit,
}: {
  preview: VillageImportPreview
  saving: boolean
  onCommit: () => void
}) {
  const { t } = useTranslation()
  const { totals } = preview
  const toSave = totals.create + totals.update
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Text c="dimmed">{t('console.villageImport.fileLine', { file: preview.fileName })}</Text>
        <Text fw={700} size="lg" data-testid="import-totals">
          {t('console.villageImport.totals', { ...totals, errors: totals.withErrors })}
        </Text>
      </Stack>
      {totals.withErrors > 0 ? (
        <Alert
          color="red"
          variant="light"
          title={t('console.villageImport.errorsTitle', { count: totals.withErrors })}
        >
          {t('console.villageImport.errorsHint')}
        </Alert>
      ) : toSave === 0 ? (
        <Alert color="blue" variant="light" title={t('console.villageImport.nothingTitle')}>
          {t('console.villageImport.nothing')}
        </Alert>
      ) : (
        <Group justify="space-between">
          <Text c="dimmed">
            {t('console.villageImport.expires', { time: formatDateTime(preview.expiresAt) })}
          </Text>
          <Button size="md" loading={saving} onClick={onCommit}>
            {t('console.villageImport.commit', { count: toSave })}
          </Button>
        </Group>
      )}
      <VillageImportTable rows={preview.rows} />
    </Stack>
  )
}
