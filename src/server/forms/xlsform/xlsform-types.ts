import type { QuestionType } from '../../../shared/forms/form-definition.schema'

/** What one survey row's `type` cell means for our forms. */
export type RowType =
  | { kind: 'question'; type: QuestionType; list?: string }
  | { kind: 'begin_group' | 'end_group' | 'begin_repeat' | 'end_repeat' }
  /** Metadata ODK fills in by itself (start, end, deviceid…): left out, with a warning. */
  | { kind: 'metadata' }
  | { kind: 'unsupported'; reason: string }

const PLAIN_TYPES: Partial<Record<string, QuestionType>> = {
  text: 'text',
  integer: 'integer',
  int: 'integer',
  date: 'date',
  // Our own types, for forms exported from Làng Số and edited in a spreadsheet.
  phone: 'phone',
  citizen_id: 'citizen_id',
  yes_no: 'yes_no',
}

const STRUCTURE = new Set(['begin_group', 'end_group', 'begin_repeat', 'end_repeat'])

const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'instanceid',
])

const REASONS: Partial<Record<string, string>> = {
  decimal: 'decimal numbers are not supported: use integer',
  note: 'notes are not supported: put the text in a hint',
  calculate: 'calculations are not supported',
  select_one_from_file: 'choices from a file are not supported: list them on the choices sheet',
  select_multiple_from_file:
    'choices from a file are not supported: list them on the choices sheet',
  geopoint: 'locations are not supported',
  image: 'photos are not supported',
  time: 'times are not supported: use date',
  datetime: 'date-times are not supported: use date',
}

/**
 * Reads a survey `type` cell: "text", "select_one yes_no", "begin group" (with a space or an
 * underscore, any case).
 */
export function parseRowType(cell: string): RowType {
  const [head = '', list, ...extra] = cell.trim().split(/\s+/)
  const word = head.toLowerCase()
  if (word === 'begin' || word === 'end') {
    const joined = `${word}_${(list ?? '').toLowerCase()}`
    if (STRUCTURE.has(joined) && extra.length === 0) {
      return { kind: joined as 'begin_group' | 'end_group' | 'begin_repeat' | 'end_repeat' }
    }
  }
  if (STRUCTURE.has(word) && list === undefined) {
    return { kind: word as 'begin_group' | 'end_group' | 'begin_repeat' | 'end_repeat' }
  }
  if (word === 'select_one' || word === 'select_multiple') {
    if (!list || extra.length > 0) {
      return { kind: 'unsupported', reason: `"${word}" needs exactly one list name after it` }
    }
    return { kind: 'question', type: word, list }
  }
  const plain = PLAIN_TYPES[word]
  if (plain && list === undefined) return { kind: 'question', type: plain }
  if (METADATA.has(word)) return { kind: 'metadata' }
  return {
    kind: 'unsupported',
    reason: REASONS[word] ?? `the question type "${cell.trim()}" is not supported`,
  }
}
