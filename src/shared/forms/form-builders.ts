import type { Expr } from './expression.schema'
import type { Choice, Group, Question, QuestionType } from './form-definition.schema'
import type { LocalizedText } from './localized-text'

/**
 * Small constructors that keep built-in form definitions readable. They only build plain
 * data: every form, built-in or imported, is checked by formDefinitionSchema.
 */
export const text = (vi: string, en: string): LocalizedText => ({ vi, en })

/** `"value|Nhãn|Label"` entries; a trailing `|!` marks an exclusive choice. */
export function choices(...entries: string[]): Choice[] {
  return entries.map((entry) => {
    const [value = '', vi = '', en = '', flag] = entry.split('|')
    return flag === '!'
      ? { value, label: { vi, en }, exclusive: true }
      : { value, label: { vi, en } }
  })
}

type QuestionOptions = Partial<Omit<Question, 'kind' | 'id' | 'type' | 'label'>>

export function question(
  id: string,
  type: QuestionType,
  label: LocalizedText,
  options: QuestionOptions = {},
): Question {
  return { kind: 'question', id, type, label, required: false, ...options }
}

export function group(
  id: string,
  label: LocalizedText,
  relevant: Expr,
  items: Group['items'],
): Group {
  return { kind: 'group', id, label, relevant, items }
}

export const ref = (id: string): Expr => ({ ref: id })
export const lit = (value: string | number | boolean): Expr => ({ lit: value })
export const eq = (id: string, value: string | boolean): Expr => ({
  op: 'eq',
  args: [ref(id), lit(value)],
})
export const ne = (id: string, value: string): Expr => ({ op: 'ne', args: [ref(id), lit(value)] })
export const and = (...args: Expr[]): Expr => ({ op: 'and', args })
/** Age in whole years in the visit year, from a birth-year question. */
export const ageAtLeast = (birthYearId: string, years: number): Expr => ({
  op: 'ge',
  args: [{ op: 'sub', args: [{ ctx: 'visit_year' }, ref(birthYearId)] }, lit(years)],
})
