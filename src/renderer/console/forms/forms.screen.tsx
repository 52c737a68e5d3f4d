import {
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormVersionSummary } from '../../../shared/api/http.contract'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime } from '../../common/format/date.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink, useNavigate } from '../app/navigation'
import { mayCall } from '../app/permissions'
import { useSession } from '../app/session.context'
import { LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'

/** Published form versions (never deleted): view one, compare two, publish the next. */
export function FormsScreen() {
  const { t } = useTranslation()
  const client = useConsoleClient()
  const navigate = useNavigate()
  const { user } = useSession()
  const list = useAsyncData(() => client.call('forms.list', {}), [client])
  const canPublish = mayCall(user.role, 'forms.publish')
  const canImport = mayCall(user.role, 'forms.importXlsForm')
  const forms = list.state === 'done' ? groupByForm(list.data.items) : []

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('console.forms.title')}
        description={t('console.forms.intro')}
        actions={
          canImport ? (
            <Button onClick={() => navigate({ page: 'formPublish' })}>
              {canPublish ? t('console.forms.publish') : t('console.forms.importOnly')}
            </Button>
          ) : null
        }
      />
      {list.state === 'loading' ? <Loader /> : null}
      {list.state === 'failed' ? <LoadError code={list.code} onRetry={list.reload} /> : null}
      {list.state === 'done' && forms.length === 0 ? (
        <EmptyState title={t('console.forms.emptyTitle')} description={t('console.forms.empty')} />
      ) : null}
      {forms.map((versions) => (
        <FormVersions key={versions[0]?.formId} versions={versions} />
      ))}
    </Stack>
  )
}

function FormVersions({ versions }: { versions: FormVersionSummary[] }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const navigate = useNavigate()
  const latest = versions[0]
  const [from, setFrom] = useState<string | null>(versions[1] ? String(versions[1].version) : null)
  const [to, setTo] = useState<string | null>(latest ? String(latest.version) : null)
  if (!latest) return null
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t('console.forms.version', { version: v.version }),
  }))

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {latest.title[locale]}
            </Title>
            <Text c="dimmed" ff="monospace" size="sm">
              {latest.formId}
            </Text>
          </Stack>
        </Group>
        <Table striped withTableBorder verticalSpacing="sm" fz="md" data-testid="form-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('console.forms.columns.version')}</Table.Th>
              <Table.Th>{t('console.forms.columns.source')}</Table.Th>
              <Table.Th>{t('console.forms.columns.publishedAt')}</Table.Th>
              <Table.Th>{t('console.forms.columns.publishedBy')}</Table.Th>
              <Table.Th>{t('console.forms.columns.size')}</Table.Th>
              <Table.Th ta="right">{t('console.common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  <Group gap="xs">
                    <RouteLink
                      to={{ page: 'formVersion', formId: v.formId, version: v.version }}
                      fw={700}
                      aria-label={t('console.forms.viewLabel', { version: v.version })}
                    >
                      {t('console.forms.version', { version: v.version })}
                    </RouteLink>
                    {v.latest ? (
                      <Badge color="green" variant="light" radius="sm">
                        {t('console.forms.latest')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`console.forms.sources.${v.source}`)}</Table.Td>
                <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                <Table.Td>{v.publishedBy ?? t('console.forms.builtinBy')}</Table.Td>
                <Table.Td>
                  {t('console.forms.size', {
                    sections: v.sectionCount,
                    questions: v.questionCount,
                  })}
                </Table.Td>
                <Table.Td ta="right">
                  {v.version > 1 ? (
                    <Button
                      variant="subtle"
                      size="sm"
                      onClick={() =>
                        navigate({
                          page: 'formCompare',
                          formId: v.formId,
                          from: v.version - 1,
                          to: v.version,
                        })
                      }
                    >
                      {t('console.forms.comparePrevious')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {versions.length > 1 ? (
          <Group align="flex-end" gap="md">
            <Text fw={700} mb={8}>
              {t('console.forms.compareTitle')}
            </Text>
            <Select
              label={t('console.forms.compareFrom')}
              data={options}
              value={from}
              onChange={setFrom}
              w={180}
            />
            <Select
              label={t('console.forms.compareTo')}
              data={options}
              value={to}
              onChange={setTo}
              w={180}
            />
            <Button
              variant="default"
              disabled={!from || !to || from === to}
              onClick={() =>
                from &&
                to &&
                navigate({
                  page: 'formCompare',
                  formId: latest.formId,
                  from: Number(from),
                  to: Number(to),
                })
              }
            >
              {t('console.forms.compare')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  )
}

/** Versions per form, newest first. */
function groupByForm(items: readonly FormVersionSummary[]): FormVersionSummary[][] {
  const byForm = new Map<string, FormVersionSummary[]>()
  for (const item of items) byForm.set(item.formId, [...(byForm.get(item.formId) ?? []), item])
  return [...byForm.values()].map((versions) => versions.sort((a, b) => b.version - a.version))
}
