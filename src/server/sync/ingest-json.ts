import type { Answers, FormResponse } from '../../shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'

/**
 * Whether two JSON-safe values serialise to the same JSON text, without serialising them:
 * same keys in the same order (keys holding undefined are skipped, as JSON.stringify
 * skips them) and strictly equal leaves. It may answer false for values JSON writes alike
 * (NaN and null), never true for values it writes differently.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false
    return true
  }
  const left = definedKeys(a as Record<string, unknown>)
  const right = definedKeys(b as Record<string, unknown>)
  if (left.length !== right.length) return false
  for (let i = 0; i < left.length; i++) {
    const key = left[i] as string
    if (key !== right[i]) return false
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false
    }
  }
  return true
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined)
}

/**
 * The JSON texts one ingest stores, each made once: a revision's payload holds its
 * response, the household row the cleaned response, each member row the answers of its
 * roster row, and a cleaned response is most often the sent one to the letter. Texts are
 * remembered by object (the ingest does not change the objects it was given). A response's
 * text is put together from its rows' texts, exactly as JSON.stringify writes it, when it
 * has the usual shape (answers, then repeats of rows of id and answers); any other shape
 * is written by JSON.stringify itself.
 */
export class IngestJson {
  /** Strong references: the instance lives for one ingest. */
  readonly #texts = new Map<object, string>()

  /** JSON.stringify(answers) of a roster row or a response. */
  answers(answers: Answers): string {
    let text = this.#texts.get(answers)
    if (text === undefined) {
      text = JSON.stringify(answers)
      this.#texts.set(answers, text)
    }
    return text
  }

  /** JSON.stringify(response). */
  response(response: FormResponse): string {
    let text = this.#texts.get(response)
    if (text === undefined) {
      text = this.#composedResponse(response) ?? JSON.stringify(response)
      this.#texts.set(response, text)
    }
    return text
  }

  /** JSON.stringify(revision), its response's text reused. */
  revision(revision: HouseholdRevision): string {
    // A placeholder keeps the response's place among the keys: `"response":0` cannot occur
    // elsewhere (inside a JSON string every quote is escaped, and no other object of a
    // revision has that key).
    const text = JSON.stringify({ ...revision, response: 0 })
    const at = text.indexOf(RESPONSE_PLACEHOLDER)
    if (at < 0) return JSON.stringify(revision)
    const end = at + RESPONSE_PLACEHOLDER.length
    return `${text.slice(0, end - 1)}${this.response(revision.response)}${text.slice(end)}`
  }

  /**
   * A cleaned response's text, or null when it writes as the sent response (whose text the
   * household and member rows then reuse).
   */
  cleaned(cleaned: FormResponse, sent: FormResponse): string | null {
    if (cleaned === sent) return null
    if (!sameJson(cleaned, sent)) return this.response(cleaned)
    this.#texts.set(cleaned, this.response(sent))
    this.#shareRowTexts(cleaned, sent)
    return null
  }

  /** The rows of a cleaned response that writes as the sent one take the sent rows' texts. */
  #shareRowTexts(cleaned: FormResponse, sent: FormResponse): void {
    for (const key of Object.keys(sent.repeats)) {
      const sentRows = sent.repeats[key]
      const cleanedRows = cleaned.repeats[key]
      if (!Array.isArray(sentRows) || !Array.isArray(cleanedRows)) continue
      for (let i = 0; i < sentRows.length; i++) {
        const text = this.#texts.get(sentRows[i]?.answers as object)
        const twin = cleanedRows[i]?.answers
        if (text !== undefined && isRecord(twin)) this.#texts.set(twin, text)
      }
    }
  }

  /** The response's text from its parts, or null when its shape is not the usual one. */
  #composedResponse(response: FormResponse): string | null {
    if (!hasKeys(response, 'answers', 'repeats')) return null
    const { answers, repeats } = response as { answers: unknown; repeats: unknown }
    if (!isRecord(answers) || !isRecord(repeats)) return null
    let text = `{"answers":${this.answers(answers as Answers)},"repeats":{`
    let first = true
    for (const key of Object.keys(repeats)) {
      const rows = repeats[key]
      if (rows === undefined) continue
      const list = Array.isArray(rows) ? this.#rowsText(rows) : null
      if (list === null) return null
      text += `${first ? '' : ','}${JSON.stringify(key)}:${list}`
      first = false
    }
    return `${text}}}`
  }

  /** `[row, …]`, or null when a row is not `{ id, answers }` with a text id. */
  #rowsText(rows: readonly unknown[]): string | null {
    let text = '['
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]
      if (!isRecord(row) || !hasKeys(row, 'id', 'answers')) return null
      const { id, answers } = row
      if (typeof id !== 'string' || !isRecord(answers)) return null
      text += `${i === 0 ? '' : ','}{"id":${JSON.stringify(id)},"answers":${this.answers(answers as Answers)}}`
    }
    return `${text}]`
  }
}

const RESPONSE_PLACEHOLDER = '"response":0'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Exactly these two own keys, in this order (as JSON.stringify would write them). */
function hasKeys(value: object, first: string, second: string): boolean {
  const keys = Object.keys(value)
  return keys.length === 2 && keys[0] === first && keys[1] === second
}
