import type { Expr } from '../../../shared/forms/expression.schema'
import {
  flattenQuestions,
  type Group,
  type Item,
  type Question,
  type Section,
} from '../../../shared/forms/form-definition.schema'
import type { LocalizedText } from '../../../shared/forms/localized-text'
import { type ChoiceLists, ID_PATTERN, isYesNoList } from './xlsform-choices'
import { type RuleQuestionKind, translateXlsFormExpression } from './xlsform-expression'
import {
  type IssueList,
  type LanguageColumns,
  languageColumns,
  localizedCell,
  type XlsRow,
  type XlsSheet,
} from './xlsform-sheet'
import { parseRowType, type RowType } from './xlsform-types'

/** XLSForm columns we read nothing from although they change meaning: say so. */
const IGNORED_COLUMNS = [
  'default',
  'calculation',
  'choice_filter',
  'read_only',
  'repeat_count',
  'trigger',
  'required_message',
]

interface Open {
  items: Item[]
  closes: 'group' | 'repeat'
  row: number
}

/**
 * Translates the survey sheet into form sections. Top-level groups become sections, the
 * one top-level repeat becomes the repeat section, questions outside any top-level group
 * are gathered in a section of their own, nested groups stay groups. Each row that cannot
 * be translated is reported (sheet, row, column) and left out.
 */
export function translateSurvey(
  sheet: XlsSheet,
  lists: ChoiceLists,
  formTitle: LocalizedText,
  issues: IssueList,
): Section[] {
  return new SurveyTranslator(sheet, lists, formTitle, issues).run()
}

class SurveyTranslator {
  private readonly sections: Section[] = []
  private readonly stack: Open[] = []
  private readonly ids = new Set<string>()
  private readonly kinds: Map<string, RuleQuestionKind>
  private readonly labels: LanguageColumns
  private readonly hints: LanguageColumns
  private readonly messages: LanguageColumns
  private loose: Section | undefined
  private repeats = 0

  constructor(
    private readonly sheet: XlsSheet,
    private readonly lists: ChoiceLists,
    private readonly formTitle: LocalizedText,
    private readonly issues: IssueList,
  ) {
    this.labels = languageColumns(sheet, 'label')
    this.hints = languageColumns(sheet, 'hint')
    this.messages = languageColumns(sheet, 'constraint_message')
    this.kinds = this.ruleKinds()
  }

  run(): Section[] {
    for (const row of this.sheet.rows) this.translateRow(row)
    for (const open of this.stack.reverse()) {
      this.error(
        open.row,
        'type',
        'unclosed',
        `This begin_${open.closes} has no end_${open.closes}`,
      )
    }
    for (const section of this.sections) {
      if (section.kind === 'repeat') {
        const rowLabel = flattenQuestions(section.items).find((q) => q.type === 'text')?.id
        if (rowLabel) section.rowLabel = rowLabel
      }
    }
    return this.sections.filter((s) => s.items.length > 0 || s.kind === 'repeat')
  }

  /** Every translatable question's name and how rules compare its answers (pass one). */
  private ruleKinds(): Map<string, RuleQuestionKind> {
    const kinds = new Map<string, RuleQuestionKind>()
    for (const row of this.sheet.rows) {
      const type = parseRowType(row.get('type'))
      const name = row.get('name')
      if (type.kind !== 'question' || !ID_PATTERN.test(name) || kinds.has(name)) continue
      kinds.set(name, this.ruleKindOf(type))
    }
    return kinds
  }

  private ruleKindOf(type: Extract<RowType, { kind: 'question' }>): RuleQuestionKind {
    if (type.type === 'yes_no') return 'yes_no'
    if (type.type === 'select_one') {
      return isYesNoList(this.lists.get(type.list ?? '') ?? []) ? 'yes_no' : 'select_one'
    }
    return type.type === 'select_multiple' ? 'select_multiple' : 'other'
  }

  private translateRow(row: XlsRow): void {
    const cell = row.get('type')
    if (!cell) {
      this.error(row.rowNumber, 'type', 'missing_type', 'The row has no type')
      return
    }
    this.warnIgnoredColumns(row)
    const type = parseRowType(cell)
    switch (type.kind) {
      case 'question':
        this.question(row, type)
        return
      case 'begin_group':
      case 'begin_repeat':
        this.begin(row, type.kind === 'begin_repeat')
        return
      case 'end_group':
      case 'end_repeat':
        this.end(row, type.kind === 'end_repeat' ? 'repeat' : 'group')
        return
      case 'metadata':
        this.issues.warning(
          'metadata_ignored',
          `"${cell}" is filled in by ODK itself and is left out`,
          this.at(row.rowNumber, 'type'),
        )
        return
      case 'unsupported':
        this.error(row.rowNumber, 'type', 'unsupported_type', `Left out: ${type.reason}`)
    }
  }

  private question(row: XlsRow, type: Extract<RowType, { kind: 'question' }>): void {
    const id = this.claimId(row, true)
    if (!id) return
    const question: Question = {
      kind: 'question',
      id,
      type: type.type,
      label: this.label(row, id),
      required: this.required(row),
    }
    const hint = localizedCell(row, this.hints)
    if (hint) question.hint = hint
    const relevant = this.rule(row, 'relevant')
    if (relevant) question.relevant = relevant
    const constraint = this.rule(row, 'constraint')
    if (constraint) question.constraint = constraint
    const message = localizedCell(row, this.messages)
    if (message) question.constraintMessage = message
    if (type.list !== undefined) this.attachChoices(row, question, type.list)
    this.currentItems().push(question)
  }

  private attachChoices(row: XlsRow, question: Question, list: string): void {
    const choices = this.lists.get(list)
    if (!choices) {
      this.error(row.rowNumber, 'type', 'unknown_list', `The choices sheet has no list "${list}"`)
      return
    }
    if (question.type === 'select_one' && isYesNoList(choices)) {
      question.type = 'yes_no'
      this.issues.warning(
        'mapped_yes_no',
        `"${question.id}" has only the choices yes and no: it becomes a yes/no question (answers true/false)`,
        this.at(row.rowNumber, 'type'),
      )
      return
    }
    question.choices = [...choices]
  }

  private begin(row: XlsRow, repeat: boolean): void {
    const id = this.claimId(row, false) ?? `group_${row.rowNumber}`
    const label = localizedCell(row, this.labels) ?? this.fallbackLabel(row, id)
    const relevant = this.rule(row, 'relevant')
    const items: Item[] = []
    const closes = repeat ? 'repeat' : 'group'
    if (this.stack.length === 0) {
      if (repeat && ++this.repeats > 1) {
        this.error(
          row.rowNumber,
          'type',
          'second_repeat',
          'A form may have only one repeat (the roster)',
        )
      }
      const section: Section = { kind: repeat ? 'repeat' : 'fields', id, label, items }
      if (relevant) section.relevant = relevant
      this.sections.push(section)
      this.loose = undefined
    } else {
      if (repeat) {
        this.error(
          row.rowNumber,
          'type',
          'nested_repeat',
          'A repeat inside a group or repeat is not supported: it is read as a group',
        )
      }
      const group: Group = { kind: 'group', id, label, items }
      if (relevant) group.relevant = relevant
      this.currentItems().push(group)
    }
    this.stack.push({ items, closes, row: row.rowNumber })
  }

  private end(row: XlsRow, closes: 'group' | 'repeat'): void {
    const open = this.stack.at(-1)
    if (!open || open.closes !== closes) {
      const what = open ? `the begin_${open.closes} of row ${open.row}` : 'nothing'
      this.error(row.rowNumber, 'type', 'unbalanced', `This end_${closes} closes ${what}`)
      if (!open) return
    }
    this.stack.pop()
  }

  /** The items the next question goes into: the open group, or the loose-questions section. */
  private currentItems(): Item[] {
    const open = this.stack.at(-1)
    if (open) return open.items
    if (!this.loose) {
      this.loose = { kind: 'fields', id: this.freeSectionId(), label: this.formTitle, items: [] }
      this.sections.push(this.loose)
    }
    return this.loose.items
  }

  private freeSectionId(): string {
    let id = 'main'
    for (let n = 2; this.ids.has(id) || this.sections.some((s) => s.id === id); n += 1)
      id = `main_${n}`
    return id
  }

  /** The row's name if it is a valid, unused id; reported and undefined otherwise. */
  private claimId(row: XlsRow, isQuestion: boolean): string | undefined {
    const name = row.get('name')
    if (!ID_PATTERN.test(name)) {
      const why = name
        ? `"${name}" must be lower_snake_case and start with a letter`
        : 'The row has no name'
      this.error(
        row.rowNumber,
        'name',
        'invalid_name',
        isQuestion ? `${why}; the question is left out` : why,
      )
      return undefined
    }
    if (this.ids.has(name)) {
      this.error(row.rowNumber, 'name', 'duplicate_name', `"${name}" is used twice`)
      return undefined
    }
    this.ids.add(name)
    return name
  }

  private label(row: XlsRow, id: string): LocalizedText {
    return localizedCell(row, this.labels) ?? this.fallbackLabel(row, id)
  }

  private fallbackLabel(row: XlsRow, id: string): LocalizedText {
    this.error(
      row.rowNumber,
      this.labels.vi ?? 'label',
      'missing_label',
      `"${id}" has no Vietnamese label`,
    )
    return { vi: id, en: id }
  }

  private required(row: XlsRow): boolean {
    const value = row.get('required').toLowerCase()
    if (['', 'no', 'false', 'false()'].includes(value)) return false
    if (['yes', 'true', 'true()'].includes(value)) return true
    this.error(
      row.rowNumber,
      'required',
      'unsupported_required',
      'required must be yes or no: conditional required is not supported',
    )
    return false
  }

  private rule(row: XlsRow, column: 'relevant' | 'constraint'): Expr | undefined {
    const source = row.get(column)
    if (!source) return undefined
    const result = translateXlsFormExpression(source, this.kinds)
    if (result.ok) return result.expr
    this.error(
      row.rowNumber,
      column,
      'unsupported_expression',
      `The ${column} rule is left out: ${result.message}`,
    )
    return undefined
  }

  private warnIgnoredColumns(row: XlsRow): void {
    for (const column of IGNORED_COLUMNS) {
      if (row.get(column)) {
        this.issues.warning(
          'column_ignored',
          `The "${column}" column is not supported and is ignored`,
          this.at(row.rowNumber, column),
        )
      }
    }
  }

  private error(row: number, column: string, code: string, message: string): void {
    this.issues.error(code, message, this.at(row, column))
  }

  private at(row: number, column: string) {
    return { sheet: this.sheet.name, row, column }
  }
}
