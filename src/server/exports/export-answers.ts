import {
  type FormDefinition,
  flattenQuestions,
  type Question,
} from '../../shared/forms/form-definition.schema'
import type { CellValue } from './export-columns'

/** Turns one stored answer into the cell people read. */
export type AnswerFormat = (value: unknown) => CellValue

/** Vietnamese words for yes/no answers. */
const YES = 'Có'
const NO = 'Không'
/** Between the labels of a select_multiple answer. */
const LIST_SEPARATOR = '; '

/**
 * The answer formats of one form version, by question id: choice codes become the
 * Vietnamese labels of that version (a later version may have reworded or dropped a
 * choice), yes/no becomes Có/Không, numbers stay numbers. `villageName` names the village
 * question's codes.
 */
export function answerFormats(
  form: FormDefinition,
  villageName: (code: string) => string | null,
): Map<string, AnswerFormat> {
  const formats = new Map<string, AnswerFormat>()
  for (const section of form.sections) {
    for (const question of flattenQuestions(section.items)) {
      formats.set(question.id, formatOf(question, villageName))
    }
  }
  return formats
}

/** An answer no form version describes (should not happen): shown as stored. */
export const plainFormat: AnswerFormat = (value) => {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? YES : NO
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR)
  return JSON.stringify(value)
}

function formatOf(question: Question, villageName: (code: string) => string | null): AnswerFormat {
  switch (question.type) {
    case 'select_one': {
      if (question.choicesFrom === 'villages') {
        return (value) =>
          typeof value === 'string' ? (villageName(value) ?? value) : plainFormat(value)
      }
      const labels = choiceLabels(question)
      return (value) =>
        typeof value === 'string' ? (labels.get(value) ?? value) : plainFormat(value)
    }
    case 'select_multiple': {
      const labels = choiceLabels(question)
      return (value) =>
        Array.isArray(value)
          ? value.map((v) => labels.get(String(v)) ?? String(v)).join(LIST_SEPARATOR)
          : plainFormat(value)
    }
    case 'integer':
      return (value) => (typeof value === 'number' ? value : plainFormat(value))
    default:
      return plainFormat
  }
}

function choiceLabels(question: Question): Map<string, string> {
  return new Map((question.choices ?? []).map((c) => [c.value, c.label.vi]))
}
