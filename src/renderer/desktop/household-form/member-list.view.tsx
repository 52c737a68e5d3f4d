import { Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { flattenQuestions, type Section } from '../../../shared/forms/form-definition.schema'
import type { RepeatRow } from '../../../shared/forms/form-response.schema'
import { ageInYear } from '../../common/format/date.format'
import { choiceLabel } from '../../common/forms/answer.format'
import { currentLocale } from '../../i18n/i18n'
import { rowTitleText } from './form-issues'

export interface MemberListProps {
  section: Section
  rows: readonly RepeatRow[]
  openRowId: string | null
  visitDate: string
  rowsWithErrors: ReadonlySet<string>
  /** Revisit marks: members new since the last visit, members with changed answers. */
  addedRows: ReadonlySet<string>
  changedRows: ReadonlySet<string>
  onOpen: (rowId: string) => void
  onMove: (rowId: string, delta: -1 | 1) => void
  onRemove: (rowId: string) => void
}

/** The roster questions summarised in the list (the default form's ids). */
const RELATION = 'relation'
const BIRTH_YEAR = 'birth_year'

/** DOM id of a member's entry in the list, to give it the focus back. */
export function memberItemId(rowId: string): string {
  return `member-item-${rowId}`
}

/**
 * The roster as a compact list: name, relation and age of everyone, the open member
 * highlighted. One Tab stop: ↑/↓ open the previous or next member, Alt+↑/↓ move the open
 * member up or down, Delete removes them (with undo).
 */
export function MemberList(props: MemberListProps) {
  const { section, rows, openRowId, visitDate, onOpen, onMove, onRemove } = props
  const { t, i18n } = useTranslation()
  const locale = currentLocale(i18n)
  const relationChoices =
    flattenQuestions(section.items).find((q) => q.id === RELATION)?.choices ?? []

  const focusItem = (rowId: string) =>
    requestAnimationFrame(() => document.getElementById(memberItemId(rowId))?.focus())

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number, row: RepeatRow) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
    if (step !== 0 && event.altKey) {
      event.preventDefault()
      onMove(row.id, step)
      focusItem(row.id)
      return
    }
    if (step !== 0 && !event.ctrlKey && !event.metaKey) {
      const target = rows[index + step]
      if (!target) return
      event.preventDefault()
      onOpen(target.id)
      focusItem(target.id)
      return
    }
    if (event.key === 'Delete') {
      event.preventDefault()
      onRemove(row.id)
    }
  }

  return (
    <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" offsetScrollbars>
      <Stack gap={4} role="list" aria-label={section.label[locale]}>
        {rows.map((row, index) => {
          const open = row.id === openRowId
          const relation = row.answers[RELATION]
          const age = ageInYear(row.answers[BIRTH_YEAR], visitDate)
          const details = [
            typeof relation === 'string' ? choiceLabel(relationChoices, relation, locale) : null,
            age === null ? null : t('form.members.age', { count: age }),
          ].filter((part): part is string => part !== null)
          return (
            <UnstyledButton
              key={row.id}
              id={memberItemId(row.id)}
              role="listitem"
              className="member-item"
              data-open={open ? 'true' : undefined}
              data-member-item={index}
              aria-current={open ? 'true' : undefined}
              tabIndex={open || (openRowId === null && index === 0) ? 0 : -1}
              onClick={() => onOpen(row.id)}
              onKeyDown={(event) => onKeyDown(event, index, row)}
            >
              <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={600} size="md" truncate="end">
                    {index + 1}. {rowTitleText(section, row, index, t)}
                  </Text>
                  <Text size="sm" c="dimmed" truncate="end">
                    {details.length > 0 ? details.join(' · ') : t('form.members.noDetails')}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  {props.rowsWithErrors.has(row.id) ? (
                    <Badge color="red" variant="light" size="sm">
                      {t('form.members.hasErrors')}
                    </Badge>
                  ) : null}
                  {props.addedRows.has(row.id) ? (
                    <Badge color="teal" variant="light" size="sm">
                      {t('form.revisit.newMember')}
                    </Badge>
                  ) : props.changedRows.has(row.id) ? (
                    <Badge color="grape" variant="light" size="sm">
                      {t('form.revisit.changed')}
                    </Badge>
                  ) : null}
                </Stack>
              </Group>
            </UnstyledButton>
          )
        })}
      </Stack>
    </ScrollArea.Autosize>
  )
}
