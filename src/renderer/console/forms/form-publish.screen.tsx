import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { currentLocale } from '../../i18n/i18n'
import { ConsoleCallError } from '../api/console.client'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { useAction } from '../common/action.hook'
import { MAX_UPLOAD_BYTES, readFileAsBase64 } from '../common/browser-file'
import { ErrorAlert, LoadError } from '../common/error.alert'
import { FilePickButton } from '../common/file-pick.button'
import { PageHeader } from '../common/page.header'
import { candidateSource, type FormCandidate, readJsonDefinition } from './form-candidate'
import { FormDiffView } from './form-diff.view'
import { XlsFormIssuesTable } from './xlsform-issues.table'

const ACCEPT =
  '.xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
type Published = HttpOutput<'forms.publish'>

/**
 * Publishing a new form version: pick an XLSForm workbook or a JSON definition, read the
 * problems (row by row) and the changes against the version in use, then publish.
 */
export function FormPublishScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const { user } = useSession()
  const published = useAsyncData(() => client.call('forms.list', {}), [client])
  const [candidate, setCandidate] = useState<FormCandidate | null>(null)
  const [fileName, setFileName] = useState<string | null>(null)
  const [done, setDone] = useState<Published | null>(null)
  const canPublish = mayCall(user.role, 'forms.publish')

  const check = useAction(async (file: File) => {
    setCandidate(null)
    setFileName(file.name)
    const source = candidateSource(file.name)
    if (!source) throw new ConsoleCallError('unsupported_media_type', file.name)
    if (file.size > MAX_UPLOAD_BYTES) throw new ConsoleCallError('file_too_large', file.name)
    if (source === 'xlsform') {
      const answer = await client.call('forms.importXlsForm', {
        fileName: file.name,
        contentBase64: await readFileAsBase64(file),
      })
      setCandidate({
        fileName: file.name,
        source,
        definition: answer.definition,
        issues: answer.issues,
        problems: [],
        publishable: answer.publishable,
        diff: answer.diff,
      })
      return
    }
    const versions = published.state === 'done' ? published.data.items : []
    const { definition, problems } = readJsonDefinition(await file.text(), versions, t)
    const diff =
      definition && problems.length === 0 ? await client.call('forms.diff', { definition }) : null
    setCandidate({
      fileName: file.name,
      source,
      definition,
      issues: [],
      problems,
      publishable: definition !== null && problems.length === 0,
      diff,
    })
  })
  const publish = useAction(async (c: FormCandidate) => {
    if (!c.definition) return
    setDone(
      await client.call('forms.publish', {
        formId: c.definition.id,
        definition: c.definition,
        source: c.source,
      }),
    )
  })
  const back = (
    <RouteLink to={{ page: 'forms' }} size="md" w="fit-content">
      {t('console.forms.back')}
    </RouteLink>
  )

  if (done) return <PublishedView published={done} back={back} />
  return (
    <Stack gap="lg">
      <PageHeader
        above={back}
        title={t('console.publish.title')}
        description={t('console.publish.intro')}
      />
      {canPublish ? null : (
        <Alert color="blue" variant="light">
          {t('console.publish.staffNote')}
        </Alert>
      )}
      {published.state === 'failed' ? (
        <LoadError code={published.code} onRetry={published.reload} />
      ) : null}
      <Paper withBorder p="md" radius="md">
        <Group gap="md">
          <FilePickButton
            accept={ACCEPT}
            label={candidate ? t('console.publish.another') : t('console.publish.pickFile')}
            variant={candidate ? 'default' : 'filled'}
            loading={check.pending}
            onPick={(file) => {
              publish.reset()
              void check.run(file)
            }}
          />
          {fileName && !check.pending ? <Text c="dimmed">{fileName}</Text> : null}
        </Group>
      </Paper>
      {check.pending ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('console.publish.checking', { file: fileName ?? '' })}</Text>
        </Group>
      ) : null}
      {check.failure ? <ErrorAlert failure={check.failure} /> : null}
      {candidate ? (
        <CandidateView
          candidate={candidate}
          canPublish={canPublish}
          publishing={publish.pending}
          onPublish={() => void publish.run(candidate)}
        />
      ) : null}
      {publish.failure ? <ErrorAlert failure={publish.failure} /> : null}
    </Stack>
  )
}

function CandidateView({
  candidate: c,
  canPublish,
  publishing,
  onPublish,
}: {
  candidate: FormCandidate
  canPublish: boolean
  publishing: boolean
  onPublish: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const errors = c.issues.filter((i) => i.severity === 'error').length
  const warnings = c.issues.length - errors
  const unchanged = c.diff !== null && c.diff.changes.length === 0
  const ready = c.publishable && c.definition !== null && !unchanged

  return (
    <Stack gap="md">
      {c.definition ? (
        <Text fw={700} size="lg">
          {t('console.publish.candidate', {
            file: c.fileName,
            form: c.definition.title[locale],
            version: c.definition.version,
          })}
        </Text>
      ) : null}
      {!c.publishable && c.problems.length === 0 ? (
        <Alert color="red" variant="light" title={t('console.publish.blockedTitle')}>
          {t('console.publish.blocked')}
        </Alert>
      ) : null}
      {c.problems.length > 0 ? (
        <Alert color="red" variant="light" title={t('console.publish.jsonInvalidTitle')}>
          <Stack gap={4}>
            <Text>{t('console.publish.jsonInvalidHint')}</Text>
            {c.problems.map((problem) => (
              <Text key={problem} ff="monospace" size="sm">
                {problem}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {c.source === 'xlsform' ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Text fw={700} size="lg">
              {t('console.publish.problemsTitle', { errors, warnings })}
            </Text>
            {c.issues.length === 0 ? (
              <Text>{t('console.publish.noProblems')}</Text>
            ) : (
              <XlsFormIssuesTable issues={c.issues} />
            )}
          </Stack>
        </Paper>
      ) : null}
      {unchanged ? (
        <Alert color="blue" variant="light" title={t('console.publish.noChangesTitle')}>
          {t('console.publish.noChanges')}
        </Alert>
      ) : null}
      {c.diff && !unchanged ? (
        <FormDiffView
          title={t('console.formDiff.candidateTitle', { from: c.diff.fromVersion })}
          changes={c.diff.changes}
        />
      ) : null}
      {ready && c.definition && canPublish ? (
        <Group justify="flex-end">
          <Button size="lg" loading={publishing} onClick={onPublish}>
            {t('console.publish.submit', { version: c.definition.version })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}

function PublishedView({ published, back }: { published: Published; back: ReactNode }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Stack gap="lg">
      <PageHeader above={back} title={t('console.publish.title')} />
      <Alert
        color="green"
        variant="light"
        title={t('console.publish.doneTitle', { version: published.version })}
        data-testid="publish-done"
      >
        {t('console.publish.done')}
      </Alert>
      <Group>
        <Button
          onClick={() =>
            navigate({ page: 'formVersion', formId: published.formId, version: published.version })
          }
        >
          {t('console.publish.viewVersion', { version: published.version })}
        </Button>
      </Group>
    </Stack>
  )
}
