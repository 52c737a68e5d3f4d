import { Badge, Button, Group, Progress, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportJob, ExportStatus } from '../../../shared/api/http.contract'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions } from '../../../shared/forms/form-definition.schema'
import { formatDateTime, formatIsoDate } from '../../common/format/date.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { ConfirmModal } from '../common/confirm.modal'

const STATUS_COLOR: Record<ExportStatus, string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
  expired: 'gray',
}

const visitResults =
  flattenQuestions(defaultHouseholdForm.sections.flatMap((s) => s.items)).find(
    (q) => q.id === 'visit_result',
  )?.choices ?? []

/** A file size people read: "830 KB", "12,4 MB". */
function formatBytes(bytes: number, locale: 'vi' | 'en'): string {
  const tag = locale === 'vi' ? 'vi-VN' : 'en-US'
  if (bytes < 1024 * 1024) {
    return `${new Intl.NumberFormat(tag).format(Math.max(1, Math.round(bytes / 1024)))} KB`
  }
  const mb = bytes / (1024 * 1024)
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(mb)} MB`
}

/**
 * The person's recent exports: when each was asked for, what it holds, how far the server
 * got (a moving bar while it writes), and the files to download once it is done.
 */
export function ExportJobsList({
  jobs,
  onDeleted,
}: {
  jobs: readonly ExportJob[]
  onDeleted: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const [deleting, setDeleting] = useState<ExportJob | null>(null)

  const contents = (job: ExportJob) => {
    const parts = [job.placeName ?? t('console.exports.scope.province')]
    const { visitResult, from, to } = job.filter
    if (visitResult) {
      parts.push(
        t('console.exports.scope.result', {
          result: choiceLabel(visitResults, visitResult, locale),
        }),
      )
    }
    if (from) parts.push(t('console.exports.scope.from', { date: formatIsoDate(from) }))
    if (to) parts.push(t('console.exports.scope.to', { date: formatIsoDate(to) }))
    return parts.join(' · ')
  }

  return (
    <>
      <Table verticalSpacing="sm" withTableBorder striped fz="md" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>{t('console.exports.columns.createdAt')}</Table.Th>
            <Table.Th>{t('console.exports.columns.what')}</Table.Th>
            <Table.Th w={250}>{t('console.exports.columns.status')}</Table.Th>
            <Table.Th w={240}>{t('console.exports.columns.files')}</Table.Th>
            <Table.Th w={80}>
              <VisuallyHidden>{t('console.common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.id} data-testid="export-job" data-status={job.status}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.createdAt)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap="xs" wrap="nowrap">
                    <Badge variant="light" color="gray" radius="sm">
                      {t(`console.exports.formats.${job.format}`)}
                    </Badge>
                  </Group>
                  <Text size="sm">{contents(job)}</Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <JobStatus job={job} />
              </Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  {job.files.map((file) => (
                    <Button
                      key={file.name}
                      component="a"
                      href={file.url}
                      download={file.name}
                      size="sm"
                      fullWidth
                      variant={job.format === 'xlsx' ? 'filled' : 'light'}
                      aria-label={t('console.exports.download', { name: file.name })}
                    >
                      {t(`console.exports.fileKinds.${file.kind}`)} ·{' '}
                      {formatBytes(file.bytes, locale)}
                    </Button>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Button
                  size="sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setDeleting(job)}
                  aria-label={t('console.exports.deleteLabel')}
                >
                  {t('console.exports.delete')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {deleting ? (
        <ConfirmModal
          title={t('console.exports.deleteLabel')}
          text={contents(deleting)}
          confirmLabel={t('console.exports.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await client.call('exports.delete', { id: deleting.id })
            onDeleted(deleting.id)
            setDeleting(null)
          }}
        />
      ) : null}
    </>
  )
}

/** Where one export stands, in words and as a bar while it is written. */
function JobStatus({ job }: { job: ExportJob }) {
  const { t } = useTranslation()
  const badge = (
    <Badge color={STATUS_COLOR[job.status]} variant="light" radius="sm">
      {t(`console.exports.status.${job.status}`)}
    </Badge>
  )
  if (job.status === 'queued' || job.status === 'running') {
    const line =
      job.status === 'queued'
        ? t('console.exports.waiting')
        : !job.phase
          ? t('console.exports.preparing')
          : job.phase === 'households'
            ? t('console.exports.phases.households', {
                written: job.householdsWritten,
                total: job.householdsTotal,
              })
            : job.phase === 'members'
              ? t('console.exports.phases.members', {
                  written: job.membersWritten,
                  total: job.membersTotal,
                })
              : t('console.exports.phases.finishing')
    return (
      <Stack gap={6}>
        <Group gap="xs">
          {badge}
          <Text size="sm" fw={600}>
            {Math.floor(job.progress * 100)}%
          </Text>
        </Group>
        <Progress
          value={job.progress * 100}
          striped
          animated
          size="lg"
          aria-label={t(`console.exports.status.${job.status}`)}
        />
        <Text size="sm" c="dimmed">
          {line}
        </Text>
      </Stack>
    )
  }
  return (
    <Stack gap={4}>
      <Group gap="xs">{badge}</Group>
      {job.status === 'done' ? (
        <>
          <Text size="sm">
            {t('console.exports.counted', {
              households: job.householdsWritten,
              members: job.membersWritten,
            })}
          </Text>
          {job.expiresAt ? (
            <Text size="sm" c="dimmed">
              {t('console.exports.expiresAt', { time: formatDateTime(job.expiresAt) })}
            </Text>
          ) : null}
        </>
      ) : null}
      {job.status === 'failed' ? (
        <Text size="sm" c="red.8">
          {job.error === 'interrupted'
            ? t('console.exports.failed.interrupted')
            : t('console.exports.failed.other', { code: job.error ?? 'internal' })}
        </Text>
      ) : null}
    </Stack>
  )
}
