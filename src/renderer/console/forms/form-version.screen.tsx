import { Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { Item, Question, Section } from '../../../shared/forms/form-definition.schema'
import { formatExpr } from '../../../shared/forms/form-diff'
import type { Locale } from '../../../shared/forms/localized-text'
import { useAsyncData } from '../../common/components/async-data.hook'
import { formatDateTime } from '../../common/format/date.format'
import { currentLocale } from '../../i18n/i18n'
import { useConsoleClient } from '../app/console-client.context'
import { RouteLink } from '../app/navigation'
import { LoadError } from '../common/error.alert'
import { PageHeader } from '../common/page.header'

/** One published version, readable: sections, groups and questions with their rules. */
export function FormVersionScreen({ formId, version }: { formId: string; version: number }) {
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const client = useConsoleClient()
  const detail = useAsyncData(
    () => client.call('forms.get', { formId, version }),
    [client, formId, version],
  )
  const back = (
    <RouteLink to={{ page: 'forms' }} size="md" w="fit-content">
      {t('console.forms.back')}
    </RouteLink>
  )
  if (detail.state === 'loading') return <Loader />
  if (detail.state === 'failed') {
    return (
      <Stack gap="lg">
        {back}
        <LoadError code={detail.code} onRetry={detail.reload} />
      </Stack>
    )
  }
  const form = detail.data
  return (
    <Stack gap="lg">
      <PageHeader
        above={back}
        title={t('console.formView.title', { form: form.title[locale], version: form.version })}
        description={t('console.formView.published', {
          time: formatDateTime(form.publishedAt),
          source: t(`console.forms.sources.${form.source}`),
          by: form.publishedBy ?? t('console.forms.builtinBy'),
        })}
      />
      <Text>{t('console.formView.adultAge', { age: form.definition.settings.adultAge })}</Text>
      {form.definition.sections.map((section, index) => (
        <SectionView key={section.id} section={section} number={index + 1} locale={locale} />
      ))}
    </Stack>
  )
}

function SectionView({
  section,
  number,
  locale,
}: {
  section: Section
  number: number
  locale: Locale
}) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h3">
            {number}. {section.label[locale]}
          </Title>
          {section.kind === 'repeat' ? (
            <Badge variant="light" radius="sm" color="grape">
              {t('console.formView.repeat')}
              {section.maxRows
                ? ` · ${t('console.formView.maxRows', { count: section.maxRows })}`
                : ''}
            </Badge>
          ) : null}
        </Group>
        {section.relevant ? (
          <Text c="dimmed" ff="monospace" size="sm">
            {t('console.formView.sectionWhen', { rule: formatExpr(section.relevant) })}
          </Text>
        ) : null}
        {section.rowCounts?.length ? (
          <Text size="sm">
            <b>{t('console.formView.rowCounts')}:</b>{' '}
            {section.rowCounts.map((rule) => rule.message[locale]).join(' · ')}
          </Text>
        ) : null}
        <Table withTableBorder verticalSpacing="xs" fz="md" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="46%">{t('console.formView.question')}</Table.Th>
              <Table.Th w="14%">{t('console.formView.type')}</Table.Th>
              <Table.Th w="10%">{t('console.formView.required')}</Table.Th>
              <Table.Th>{t('console.formView.rules')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <ItemRows items={section.items} depth={0} locale={locale} />
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}

function ItemRows({
  items,
  depth,
  locale,
}: {
  items: readonly Item[]
  depth: number
  locale: Locale
}) {
  const { t } = useTranslation()
  return (
    <>
      {items.map((item) =>
        item.kind === 'group' ? (
          <Fragment key={item.id}>
            <Table.Tr bg="gray.0">
              <Table.Td colSpan={4} pl={12 + depth * 20}>
                <Text fw={700}>{item.label[locale]}</Text>
                {item.relevant ? (
                  <Text size="sm" c="dimmed" ff="monospace">
                    {t('console.formView.groupWhen', { rule: formatExpr(item.relevant) })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
            <ItemRows items={item.items} depth={depth + 1} locale={locale} />
          </Fragment>
        ) : (
          <QuestionRow key={item.id} question={item} depth={depth} locale={locale} />
        ),
      )}
    </>
  )
}

function QuestionRow({
  question: q,
  depth,
  locale,
}: {
  question: Question
  depth: number
  locale: Locale
}) {
  const { t } = useTranslation()
  const range =
    q.min !== undefined || q.max !== undefined
      ? t('console.formView.range', { min: q.min ?? '…', max: q.max ?? '…' })
      : null
  return (
    <Table.Tr>
      <Table.Td pl={12 + depth * 20} style={{ verticalAlign: 'top' }}>
        <Text fw={600}>{q.label[locale]}</Text>
        {q.hint ? (
          <Text size="sm" c="dimmed">
            {q.hint[locale]}
          </Text>
        ) : null}
        {q.choices?.length ? (
          <Text size="sm" mt={2}>
            {q.choices.map((c) => c.label[locale]).join(' · ')}
          </Text>
        ) : null}
        {q.choicesFrom === 'villages' ? (
          <Text size="sm" mt={2} fs="italic">
            {t('console.formView.choicesFromVillages')}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" ff="monospace">
          {q.id}
        </Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        {t(`console.formView.types.${q.type}`)}
        {range ? (
          <Text size="sm" c="dimmed">
            {range}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>{q.required ? '✓' : ''}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top', wordBreak: 'break-word' }}>
        {q.relevant ? (
          <Text size="sm" ff="monospace">
            {t('console.formView.askWhen', { rule: formatExpr(q.relevant) })}
          </Text>
        ) : null}
        {q.constraint ? (
          <Text size="sm" ff="monospace">
            {t('console.formView.constraint', { rule: formatExpr(q.constraint) })}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  )
}
