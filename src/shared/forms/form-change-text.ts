import type { Expr } from './expression.schema'
import { formatExpr } from './expression-format'
import type { RowCountRule } from './form-definition.schema'
import type { FormChange } from './form-diff'
import type { Locale, LocalizedText } from './localized-text'

/**
 * The words of a form change: its values as display text and its sentence in Vietnamese
 * and English. Separate from the diff so that wording can change without touching it.
 */

type Target = FormChange['target']

/** A change before its sentences: raw old/new values, shown per language. */
export interface ChangeDraft {
  change: FormChange['change']
  target: Target
  id: string
  choice?: string
  property?: string
  label?: LocalizedText
  parent?: string | null
  values?: { before: unknown; after: unknown }
}

/** A value as display text: labels in the given language, rules in XLSForm syntax. */
export function displayValue(value: unknown, locale: Locale): string | null {
  if (value === undefined || value === null) return null
  if (isLocalized(value)) return value[locale]
  if (isExpr(value)) return formatExpr(value)
  if (typeof value === 'boolean') {
    if (locale === 'vi') return value ? 'có' : 'không'
    return value ? 'yes' : 'no'
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (Array.isArray(value) && value.every(isRowCountRule)) {
    return value.map((rule) => formatRowCount(rule, locale)).join('; ')
  }
  return JSON.stringify(value)
}

/** "one_head: 1–1 × ${relation} = 'head'" — a repeat's rule on how many rows may match. */
function formatRowCount(rule: RowCountRule, locale: Locale): string {
  const bounds = `${rule.min ?? 0}–${rule.max ?? '∞'}`
  return `${rule.id}: ${bounds} × ${formatExpr(rule.where)} (${rule.message[locale]})`
}

function isRowCountRule(value: unknown): value is RowCountRule {
  return typeof value === 'object' && value !== null && 'where' in value && 'message' in value
}

const NOUNS: Record<Locale, Record<Target, string>> = {
  vi: {
    form: 'biểu mẫu',
    settings: 'thiết lập',
    section: 'phần',
    group: 'nhóm',
    question: 'câu hỏi',
    choice: 'lựa chọn',
  },
  en: {
    form: 'form',
    settings: 'setting',
    section: 'section',
    group: 'group',
    question: 'question',
    choice: 'choice',
  },
}

const PROPERTY_NAMES: Record<string, LocalizedText> = {
  label: { vi: 'nhãn', en: 'label' },
  title: { vi: 'tiêu đề', en: 'title' },
  hint: { vi: 'gợi ý', en: 'hint' },
  type: { vi: 'loại câu hỏi', en: 'question type' },
  required: { vi: 'bắt buộc', en: 'required' },
  relevant: { vi: 'điều kiện hiển thị', en: 'relevance rule' },
  constraint: { vi: 'ràng buộc', en: 'constraint' },
  constraintMessage: { vi: 'thông báo ràng buộc', en: 'constraint message' },
  choicesFrom: { vi: 'nguồn lựa chọn', en: 'choice source' },
  min: { vi: 'giá trị nhỏ nhất', en: 'minimum' },
  max: { vi: 'giá trị lớn nhất', en: 'maximum' },
  maxLength: { vi: 'độ dài tối đa', en: 'maximum length' },
  checks: { vi: 'kiểm tra chéo', en: 'cross-checks' },
  kind: { vi: 'kiểu phần', en: 'section kind' },
  rowLabel: { vi: 'câu hỏi đặt tên dòng', en: 'row label question' },
  maxRows: { vi: 'số dòng tối đa', en: 'maximum rows' },
  rowCounts: { vi: 'quy tắc đếm dòng', en: 'row-count rules' },
  exclusive: { vi: 'loại trừ các lựa chọn khác', en: 'exclusive' },
  adultAge: { vi: 'tuổi được tính là người lớn', en: 'adult age' },
}

/** Sentence templates per language: `what` names the target, `q` is 'the question' part. */
const SENTENCES: Record<Locale, Record<string, (p: Record<string, string>) => string>> = {
  vi: {
    added: (p) => `Thêm ${p.what}${p.owner}${p.where ? ` vào "${p.where}"` : ''}`,
    removed: (p) => `Bỏ ${p.what}${p.owner}${p.where ? ` khỏi "${p.where}"` : ''}`,
    movedParent: (p) => `Chuyển ${p.what} từ "${p.from}" sang "${p.to}"`,
    movedPosition: (p) => `Đổi thứ tự ${p.what}${p.owner}`,
    set: (p) => `${p.subject}: thêm ${p.property} "${p.to}"`,
    unset: (p) => `${p.subject}: bỏ ${p.property} "${p.from}"`,
    changed: (p) => `${p.subject}: ${p.property} đổi từ "${p.from}" thành "${p.to}"`,
    owner: (p) => ` của câu hỏi "${p.id}"`,
  },
  en: {
    added: (p) => `Added ${p.what}${p.owner}${p.where ? ` to "${p.where}"` : ''}`,
    removed: (p) => `Removed ${p.what}${p.owner}${p.where ? ` from "${p.where}"` : ''}`,
    movedParent: (p) => `Moved ${p.what} from "${p.from}" to "${p.to}"`,
    movedPosition: (p) => `Reordered ${p.what}${p.owner}`,
    set: (p) => `${p.subject}: ${p.property} set to "${p.to}"`,
    unset: (p) => `${p.subject}: ${p.property} "${p.from}" removed`,
    changed: (p) => `${p.subject}: ${p.property} changed from "${p.from}" to "${p.to}"`,
    owner: (p) => ` of question "${p.id}"`,
  },
}

export function describeChange(d: ChangeDraft, l: Locale): string {
  const say = SENTENCES[l]
  const noun = NOUNS[l][d.target]
  const key = d.target === 'choice' ? d.choice : d.id
  const bare = `${noun} "${key}"`
  const what = d.label ? `${bare} (${d.label[l]})` : bare
  const owner = d.target === 'choice' ? (say.owner?.({ id: d.id }) ?? '') : ''
  const from = displayValue(d.values?.before, l) ?? ''
  const to = displayValue(d.values?.after, l) ?? ''
  const property = PROPERTY_NAMES[d.property ?? '']?.[l] ?? d.property ?? ''
  const subject = `${bare.charAt(0).toUpperCase()}${bare.slice(1)}${owner}`
  const parts = { what, owner, where: d.parent ?? '', from, to, property, subject, id: d.id }
  let template: string = d.change
  if (d.change === 'moved') template = d.property === 'parent' ? 'movedParent' : 'movedPosition'
  if (d.change === 'changed') {
    if (d.values?.before === undefined || d.values.before === null) template = 'set'
    else if (d.values.after === undefined || d.values.after === null) template = 'unset'
  }
  return say[template]?.(parts) ?? ''
}

function isLocalized(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'vi' in value && 'en' in value
}

function isExpr(value: unknown): value is Expr {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('op' in value || 'ref' in value || 'lit' in value || 'ctx' in value)
  )
}
