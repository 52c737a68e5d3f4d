import { type FormDefinition, flattenQuestions } from '../../shared/forms/form-definition.schema'
import type { Answer, FormResponse } from '../../shared/forms/form-response.schema'
import { checkPhone } from '../../shared/vietnam/phone'

/** Kinds of personal identifiers kept only encrypted and as keyed hashes. */
export type PersonalDataKind = 'phone' | 'citizen_id'

export interface PersonalValue {
  kind: PersonalDataKind
  /** Normalised: phones in national 0… form, citizen ids as 12 digits. */
  value: string
}

/**
 * The phones and citizen ids of a response: answers to every `phone` and `citizen_id`
 * question of the form, at the household level and in each repeat row. Which questions
 * hold personal identifiers follows from their type, so a new form version's phone
 * question is protected without code changes.
 */
export function personalValues(form: FormDefinition, response: FormResponse): PersonalValue[] {
  const found = new Map<string, PersonalValue>()
  for (const section of form.sections) {
    const questions = flattenQuestions(section.items).filter(
      (q) => q.type === 'phone' || q.type === 'citizen_id',
    )
    if (questions.length === 0) continue
    const rows =
      section.kind === 'repeat'
        ? (response.repeats[section.id] ?? []).map((r) => r.answers)
        : [response.answers]
    for (const answers of rows) {
      for (const q of questions) {
        const value = normalizePersonal(q.type as PersonalDataKind, answers[q.id])
        if (value) found.set(`${value.kind}:${value.value}`, value)
      }
    }
  }
  return [...found.values()]
}

/** A phone or citizen id as it is hashed; null for anything that is not one. */
export function normalizePersonal(
  kind: PersonalDataKind,
  answer: Answer | undefined,
): PersonalValue | null {
  if (typeof answer !== 'string') return null
  if (kind === 'phone') {
    const phone = checkPhone(answer)
    return phone.ok ? { kind, value: phone.normalized } : null
  }
  const id = answer.replace(/\s/g, '')
  return /^\d{12}$/.test(id) ? { kind, value: id } : null
}
