import type { Conflict } from '../../../shared/api/http/sync.contract'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import { flattenQuestions, type Question } from '../../../shared/forms/form-definition.schema'
import type { Answer } from '../../../shared/forms/form-response.schema'
import type { Locale } from '../../../shared/forms/localized-text'
import { ROW_PRESENCE } from '../../../shared/sync/merge/merge-responses'
import { type AnswerWords, formatAnswer } from '../../common/forms/answer.format'
import { questionChoices, type VillageChoice } from '../../common/forms/form-text'

/** The question id a conflict carries when one device removed a member another edited. */
export const ROW_CONFLICT = ROW_PRESENCE

const QUESTIONS = new Map<string, Question>(
  defaultHouseholdForm.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
)

/** What the household detail tells about a conflict's household, when it could be read. */
export interface HouseholdContext {
  villageName: string | null
  villageCode: string
  members: readonly { id: string; fullName: string }[]
}

/** The words a conflict is described with, from the active catalog. */
export interface ConflictWords extends AnswerWords {
  /** The whole member row: removed on one device, edited on another. */
  rowConflict: string
  /** A member row kept; the other side removed it. */
  rowKept: string
  /** A member row removed. */
  rowRemoved: string
}

/**
 * The question a conflict is about, labelled from the default form. A question the form
 * does not know (another form version) is shown by its id rather than hidden.
 */
export function conflictQuestionLabel(conflict: Conflict, locale: Locale, words: ConflictWords) {
  if (conflict.questionId === ROW_CONFLICT) return words.rowConflict
  return QUESTIONS.get(conflict.questionId)?.label[locale] ?? conflict.questionId
}

/** The member a member-scoped conflict is about, by name, when the household still lists it. */
export function conflictMemberName(
  conflict: Conflict,
  household: HouseholdContext | null,
): string | null {
  if (conflict.scope !== 'member' || !conflict.rowId || !household) return null
  return household.members.find((m) => m.id === conflict.rowId)?.fullName ?? null
}

/**
 * One side of a conflict as a person reads it: answer labels, Có/Không, dd/mm/yyyy; for a
 * '@row' conflict, whether the member was kept or removed on that side.
 */
export function conflictValueText(
  conflict: Conflict,
  value: Answer,
  locale: Locale,
  words: ConflictWords,
  household: HouseholdContext | null,
): string {
  if (conflict.questionId === ROW_CONFLICT) {
    // The merge records presence: true where the member is kept, false where removed.
    return value === true ? words.rowKept : words.rowRemoved
  }
  const question = QUESTIONS.get(conflict.questionId)
  if (!question) return value === null ? words.empty : String(value)
  return formatAnswer(
    question,
    value ?? undefined,
    locale,
    words,
    questionChoices(question, villagesOf(household)),
  )
}

function villagesOf(household: HouseholdContext | null): VillageChoice[] {
  return household?.villageName
    ? [{ code: household.villageCode, name: household.villageName }]
    : []
}
