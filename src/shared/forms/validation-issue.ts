import { z } from 'zod'

/**
 * Reason codes of validation issues. The UI translates each code through its message
 * catalog (`validation.<code>`); `constraint` issues carry the form's own message instead.
 */
export const ISSUE_CODES = [
  'required',
  'type',
  'choice_unknown',
  'choice_exclusive',
  'too_long',
  'out_of_range',
  'constraint',
  'date_format',
  'phone_format',
  'phone_unknown_prefix',
  'citizen_id_format',
  'citizen_id_unknown_province',
  'citizen_id_sex_mismatch',
  'citizen_id_birth_year_mismatch',
  'repeat_too_many_rows',
  /** A repeat's row-count rule failed (params: rule, count, min, max); the rule has a message. */
  'repeat_row_count',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

/** Errors block finalising a visit; warnings are shown and can be confirmed. */
export type IssueSeverity = 'error' | 'warning'

export const validationIssueSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  code: z.enum(ISSUE_CODES),
  questionId: z.string(),
  /** Set when the issue is inside a repeat row. */
  repeat: z.string().optional(),
  rowId: z.string().optional(),
  rowIndex: z.number().int().nonnegative().optional(),
  /** Values for the message (bounds, expected digits); never the answer itself. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type ValidationIssue = z.infer<typeof validationIssueSchema>

/** Places an answer's problem on its question (and row, inside a repeat). */
export function answerIssue(
  questionId: string,
  place: { repeat?: string; rowId?: string; rowIndex?: number },
  problem: { severity: IssueSeverity; code: IssueCode; params?: Record<string, string | number> },
): ValidationIssue {
  return { ...problem, questionId, ...place }
}
