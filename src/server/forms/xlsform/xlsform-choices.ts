import type { Choice } from '../../../shared/forms/form-definition.schema'
import { type IssueList, languageColumns, localizedCell, type XlsSheet } from './xlsform-sheet'

/** Choice lists by list_name, in sheet order. */
export type ChoiceLists = ReadonlyMap<string, readonly Choice[]>

/** Our ids: lower_snake_case starting with a letter (the form schema's rule). */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/

const TRUE_WORDS = new Set(['yes', 'true', 'true()', '1', 'có'])

/**
 * Reads the choices sheet: list_name, name, label (per language) and our `exclusive`
 * extension ("none of these" clears the other choices of a select_multiple). Rows that
 * cannot be translated are reported and left out.
 */
export function readChoiceLists(sheet: XlsSheet | undefined, issues: IssueList): ChoiceLists {
  const lists = new Map<string, Choice[]>()
  if (!sheet) return lists
  const labels = languageColumns(sheet, 'label')
  for (const row of sheet.rows) {
    const at = (column: string) => ({ sheet: sheet.name, row: row.rowNumber, column })
    const list = row.get('list_name')
    const value = row.get('name')
    if (!list) {
      issues.error('missing_list_name', 'The choice has no list_name', at('list_name'))
      continue
    }
    if (!ID_PATTERN.test(value)) {
      issues.error(
        'invalid_choice_name',
        `Choice name "${value}" must be lower_snake_case and start with a letter (e.g. "c1")`,
        at('name'),
      )
      continue
    }
    const label = localizedCell(row, labels)
    if (!label) {
      issues.error(
        'missing_label',
        `Choice "${value}" has no Vietnamese label`,
        at(labels.vi ?? 'label'),
      )
      continue
    }
    const choices = lists.get(list) ?? []
    if (choices.some((c) => c.value === value)) {
      issues.error(
        'duplicate_choice',
        `List "${list}" already has the choice "${value}"`,
        at('name'),
      )
      continue
    }
    const exclusive = TRUE_WORDS.has(row.get('exclusive').toLowerCase())
    choices.push(exclusive ? { value, label, exclusive: true } : { value, label })
    lists.set(list, choices)
  }
  return lists
}

/** A list of exactly the choices yes and no: such a select_one is a yes/no question. */
export function isYesNoList(choices: readonly Choice[]): boolean {
  const values = choices.map((c) => c.value).sort()
  return values.length === 2 && values[0] === 'no' && values[1] === 'yes'
}
