import { createHash } from 'node:crypto'
import { type FormDefinition, flattenQuestions } from '../forms/form-definition.schema'
import { toHex } from './batch-bytes'
import { LAYOUT_HASH_BYTES } from './batch-format'

/**
 * The positional layout of a form version, as the batch payload uses it: answers are
 * written in question order and choice answers as the choice's index, so the decoder needs
 * the same form version. The layout hash (in the manifest) makes a differing copy of "the
 * same" version a clear `form_unknown` instead of silently mis-decoded answers.
 */

/** Finds a form version by id and version number (the server's form registry has this shape). */
export type FormLookup = (formId: string, version: number) => FormDefinition | undefined

/** One answer position: a question id and, for questions with fixed choices, their values. */
export interface AnswerSlot {
  id: string
  choices: readonly string[] | null
  /** Choice value → index, for encoding. */
  choiceIndex: ReadonlyMap<string, number> | null
}

export interface RepeatLayout {
  id: string
  slots: readonly AnswerSlot[]
}

export interface FormLayout {
  formId: string
  version: number
  /** Household-level questions: every `fields` section, groups flattened, in form order. */
  fields: readonly AnswerSlot[]
  /** Every `repeat` section in form order, with its questions. */
  repeats: readonly RepeatLayout[]
  /** Hex of the first 8 bytes of SHA-256 over the canonical layout text. */
  hash: string
}

const cache = new WeakMap<FormDefinition, FormLayout>()

/** The layout of a form version (cached per definition object). */
export function formLayout(form: FormDefinition): FormLayout {
  const cached = cache.get(form)
  if (cached) return cached
  const fields = form.sections
    .filter((section) => section.kind === 'fields')
    .flatMap((section) => flattenQuestions(section.items).map(slotOf))
  const repeats = form.sections
    .filter((section) => section.kind === 'repeat')
    .map((section) => ({ id: section.id, slots: flattenQuestions(section.items).map(slotOf) }))
  const layout = {
    formId: form.id,
    version: form.version,
    fields,
    repeats,
    hash: layoutHash(form.id, form.version, fields, repeats),
  }
  cache.set(form, layout)
  return layout
}

/**
 * The canonical layout text is the JSON (no spaces) of
 * `["langso-batch-layout/v1", formId, version, fields, repeats]`, where `fields` is a list
 * of `[questionId, choiceValues | null]` and `repeats` a list of `[sectionId, fields]`.
 * Labels, rules and types are not part of it: only what positions and indexes depend on.
 */
export function layoutText(
  formId: string,
  version: number,
  fields: readonly AnswerSlot[],
  repeats: readonly RepeatLayout[],
): string {
  const slots = (list: readonly AnswerSlot[]) => list.map((s) => [s.id, s.choices])
  return JSON.stringify([
    'langso-batch-layout/v1',
    formId,
    version,
    slots(fields),
    repeats.map((r) => [r.id, slots(r.slots)]),
  ])
}

function layoutHash(
  formId: string,
  version: number,
  fields: readonly AnswerSlot[],
  repeats: readonly RepeatLayout[],
): string {
  const digest = createHash('sha256').update(layoutText(formId, version, fields, repeats), 'utf8')
  return toHex(digest.digest().subarray(0, LAYOUT_HASH_BYTES))
}

function slotOf(question: { id: string; choices?: { value: string }[] | undefined }): AnswerSlot {
  const choices = question.choices?.length ? question.choices.map((c) => c.value) : null
  return {
    id: question.id,
    choices,
    choiceIndex: choices ? new Map(choices.map((value, index) => [value, index])) : null,
  }
}
