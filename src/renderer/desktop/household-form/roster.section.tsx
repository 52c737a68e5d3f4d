import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { Section } from '../../../shared/forms/form-definition.schema'
import type { Answer, RepeatRow } from '../../../shared/forms/form-response.schema'
import { isMarkedChange, type ResponseDiff } from '../../common/forms/answer-diff'
import { currentLocale } from '../../i18n/i18n'
import { rowTitleText } from './form-issues'
import { FormItems, type FormItemsContext } from './form-items.view'
import { MemberList } from './member-list.view'

export interface RosterSectionProps {
  section: Section
  rows: readonly RepeatRow[]
  openRowId: string | null
  visitDate: string
  context: FormItemsContext
  rowsWithErrors: ReadonlySet<string>
  diff: ResponseDiff | null
  /** The member just removed, until undone or another change to the roster. */
  removed: { name: string } | null
  /** A rule on the whole roster that fails ("exactly one head"), after finalising. */
  sectionError: string | undefined
  onUndoRemove: () => void
  onOpen: (rowId: string) => void
  onAnswer: (rowId: string, questionId: string, value: Answer | undefined) => void
  onAdd: () => void
  onRemove: (rowId: string) => void
  onMove: (rowId: string, delta: -1 | 1) => void
  addButtonRef: Ref<HTMLButtonElement>
  undoButtonRef: Ref<HTMLButtonElement>
}

const EMPTY = new Set<string>()

/** Members with at least one answer changed to something new (not merely not asked yet). */
function changedRows(diff: ResponseDiff | null): Set<string> {
  const rows = new Set<string>()
  for (const [rowId, changes] of diff?.rows ?? []) {
    if ([...changes.values()].some(isMarkedChange)) rows.add(rowId)
  }
  return rows
}

/**
 * The member roster: a compact list of everyone on the left, the open member's questions
 * on the right. Only the open member's questions are drawn, so a household of 20 or more
 * stays as quick as a household of one.
 */
export function RosterSection(props: RosterSectionProps) {
  const { section, rows, openRowId, removed } = props
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const full = section.maxRows !== undefined && rows.length >= section.maxRows
  const openIndex = rows.findIndex((r) => r.id === openRowId)
  const open = rows[openIndex]

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby={`section-${section.id}`}
    >
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id={`section-${section.id}`}>
            {section.label[locale]}
          </Title>
          <Text c="dimmed">{t('form.members.count', { count: rows.length })}</Text>
        </Group>
        {props.sectionError ? (
          <Text c="red.8" fw={600} role="alert" data-testid="roster-error">
            {props.sectionError}
          </Text>
        ) : null}
        {removed ? (
          <Alert color="gray" variant="light" role="status" py="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text>{t('form.members.removed', { name: removed.name })}</Text>
              <Button ref={props.undoButtonRef} variant="white" onClick={props.onUndoRemove}>
                {t('form.members.undo')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="sm" className="roster-list">
              {rows.length === 0 ? (
                <Text c="dimmed">{t('form.members.empty')}</Text>
              ) : (
                <MemberList
                  section={section}
                  rows={rows}
                  openRowId={openRowId}
                  visitDate={props.visitDate}
                  rowsWithErrors={props.rowsWithErrors}
                  addedRows={props.diff?.addedRows ?? EMPTY}
                  changedRows={changedRows(props.diff)}
                  onOpen={props.onOpen}
                  onMove={props.onMove}
                  onRemove={props.onRemove}
                />
              )}
              <Button
                ref={props.addButtonRef}
                variant="light"
                onClick={props.onAdd}
                disabled={full}
              >
                + {t('form.members.add')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('form.members.keysHint')}
              </Text>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {open ? (
              <MemberPanel {...props} row={open} index={openIndex} />
            ) : rows.length > 0 ? (
              <Text c="dimmed">{t('form.members.pick')}</Text>
            ) : null}
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  )
}

function MemberPanel(props: RosterSectionProps & { row: RepeatRow; index: number }) {
  const { section, row, index, rows, context, onAnswer, onMove, onRemove, diff } = props
  const { t } = useTranslation()
  const title = rowTitleText(section, row, index, t)
  const previous = rows[index - 1]
  const next = rows[index + 1]
  return (
    <Stack gap="md" data-member-row={index} data-member-id={row.id}>
      <Group justify="space-between" wrap="nowrap" className="member-panel-head">
        <Title order={3} size="h4">
          {t('form.members.position', { n: index + 1, total: rows.length })}: {title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            size="sm"
            onClick={() => onMove(row.id, -1)}
            disabled={index === 0}
            aria-label={t('form.members.moveUpLabel', { name: title })}
          >
            ↑ {t('form.members.moveUp')}
          </Button>
          <Button
            variant="default"
            size="sm"
            onClick={() => onMove(row.id, 1)}
            disabled={index === rows.length - 1}
            aria-label={t('form.members.moveDownLabel', { name: title })}
          >
            ↓ {t('form.members.moveDown')}
          </Button>
          <Button variant="subtle" color="red" size="sm" onClick={() => onRemove(row.id)}>
            {t('form.members.remove')}
          </Button>
        </Group>
      </Group>
      <FormItems
        {...context}
        items={section.items}
        answers={row.answers}
        rowId={row.id}
        {...(diff?.rows.get(row.id) ? { changes: diff.rows.get(row.id) } : {})}
        onAnswer={(questionId, value) => onAnswer(row.id, questionId, value)}
      />
      <Group justify="space-between" className="member-panel-foot">
        {previous ? (
          <Button variant="default" onClick={() => props.onOpen(previous.id)}>
            ← {rowTitleText(section, previous, index - 1, t)}
          </Button>
        ) : (
          <span />
        )}
        {next ? (
          <Button variant="light" onClick={() => props.onOpen(next.id)}>
            {rowTitleText(section, next, index + 1, t)} →
          </Button>
        ) : (
          <Button variant="light" onClick={props.onAdd}>
            + {t('form.members.addNext')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
