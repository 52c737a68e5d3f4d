import { z } from 'zod'
import { type Expr, exprDepth, exprRefs, exprSchema, MAX_EXPR_DEPTH } from './expression.schema'
import { localizedTextSchema } from './localized-text'

export const QUESTION_TYPES = [
  'text',
  'integer',
  'select_one',
  'select_multiple',
  'date',
  'yes_no',
  'phone',
  'citizen_id',
] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case and start with a letter')
  .max(64)

export const choiceSchema = z.strictObject({
  value: idSchema,
  label: localizedTextSchema,
  /** Selecting it clears every other choice of a select_multiple ("none of these"). */
  exclusive: z.boolean().optional(),
})
export type Choice = z.infer<typeof choiceSchema>

export const questionSchema = z.strictObject({
  kind: z.literal('question'),
  id: idSchema,
  type: z.enum(QUESTION_TYPES),
  label: localizedTextSchema,
  hint: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  /** Asked only when this is true; answers to questions that are not relevant are dropped. */
  relevant: exprSchema.optional(),
  /** Must be true for an answer to be accepted (`ref: "."` is the answer). */
  constraint: exprSchema.optional(),
  constraintMessage: localizedTextSchema.optional(),
  choices: z.array(choiceSchema).optional(),
  /** select_one: choices come from reference data at run time instead (the commune's villages). */
  choicesFrom: z.enum(['villages']).optional(),
  /** citizen_id: question ids of the same row holding sex and birth year, for the cross-check. */
  checks: z.strictObject({ sex: idSchema.optional(), birthYear: idSchema.optional() }).optional(),
  /** integer: inclusive bounds. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** text: longest accepted answer. */
  maxLength: z.number().int().positive().optional(),
})
export type Question = z.infer<typeof questionSchema>

export interface Group {
  kind: 'group'
  id: string
  label: z.infer<typeof localizedTextSchema>
  relevant?: Expr | undefined
  items: Item[]
}
export type Item = Question | Group

export const groupSchema: z.ZodType<Group> = z.lazy(() =>
  z.strictObject({
    kind: z.literal('group'),
    id: idSchema,
    label: localizedTextSchema,
    relevant: exprSchema.optional(),
    items: z.array(itemSchema),
  }),
)
export const itemSchema: z.ZodType<Item> = z.lazy(() => z.union([questionSchema, groupSchema]))

/**
 * A rule on the rows of a repeat: the number of rows where `where` holds (evaluated in each
 * row, like a question's rule) must lie within [min, max]. E.g. "exactly one member is the
 * household head". A breach is an error issue `repeat_row_count` on the section, carrying
 * the rule id so the form shows the rule's own message.
 */
export const rowCountRuleSchema = z.strictObject({
  id: idSchema,
  where: exprSchema,
  min: z.number().int().nonnegative().optional(),
  max: z.number().int().nonnegative().optional(),
  message: localizedTextSchema,
})
export type RowCountRule = z.infer<typeof rowCountRuleSchema>

/** A top-level section: plain questions, or a repeat (one row per person, e.g. the roster). */
export const sectionSchema = z.strictObject({
  kind: z.enum(['fields', 'repeat']),
  id: idSchema,
  label: localizedTextSchema,
  relevant: exprSchema.optional(),
  items: z.array(itemSchema),
  /** repeat: the question whose answer names a row (shown in lists). */
  rowLabel: idSchema.optional(),
  maxRows: z.number().int().positive().optional(),
  /** repeat: rules on how many rows meet a condition (checked when the section is asked). */
  rowCounts: z.array(rowCountRuleSchema).optional(),
})
export type Section = z.infer<typeof sectionSchema>

export const formSettingsSchema = z.strictObject({
  /** Age (in years on the visit date) from which a member counts as an adult. */
  adultAge: z.number().int().min(0).max(120).default(15),
})

export const formDefinitionSchema = z
  .strictObject({
    id: idSchema.or(z.string().regex(/^[a-z][a-z0-9-]*$/)),
    version: z.number().int().positive(),
    title: localizedTextSchema,
    settings: formSettingsSchema,
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((form, ctx) => {
    for (const problem of checkFormIntegrity(form))
      ctx.addIssue({ code: 'custom', message: problem })
  })
export type FormDefinition = z.infer<typeof formDefinitionSchema>

/** Every question of a list of items, groups flattened, in order. */
export function flattenQuestions(items: readonly Item[]): Question[] {
  return items.flatMap((item) => (item.kind === 'question' ? [item] : flattenQuestions(item.items)))
}

/** Structural checks zod cannot express: unique ids, known references, choices present. */
function checkFormIntegrity(form: { sections: Section[] }): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  const householdIds = new Set(
    form.sections
      .filter((s) => s.kind === 'fields')
      .flatMap((s) => flattenQuestions(s.items).map((q) => q.id)),
  )
  for (const section of form.sections) {
    const own = new Set(flattenQuestions(section.items).map((q) => q.id))
    const visible = section.kind === 'repeat' ? new Set([...own, ...householdIds]) : householdIds
    const rules: { where: string; expr: Expr | undefined }[] = [
      { where: section.id, expr: section.relevant },
    ]
    walkItems(section.items, (item) => {
      if (seen.has(item.id)) problems.push(`duplicate id "${item.id}"`)
      seen.add(item.id)
      rules.push({ where: item.id, expr: item.relevant })
      if (item.kind !== 'question') return
      rules.push({ where: item.id, expr: item.constraint })
      const needsChoices = item.type === 'select_one' || item.type === 'select_multiple'
      const hasChoices = Boolean(item.choices?.length) || Boolean(item.choicesFrom)
      if (needsChoices && !hasChoices) problems.push(`"${item.id}" needs choices`)
      if (!needsChoices && (item.choices || item.choicesFrom)) {
        problems.push(`"${item.id}" is not a select question`)
      }
    })
    for (const rule of section.rowCounts ?? []) {
      if (section.kind !== 'repeat') problems.push(`rowCounts of "${section.id}" need a repeat`)
      rules.push({ where: `${section.id}.${rule.id}`, expr: rule.where })
    }
    for (const { where, expr } of rules) {
      if (!expr) continue
      if (exprDepth(expr) > MAX_EXPR_DEPTH) problems.push(`rule of "${where}" is nested too deeply`)
      for (const ref of exprRefs(expr)) {
        if (!visible.has(ref))
          problems.push(`rule of "${where}" refers to unknown question "${ref}"`)
      }
    }
    if (section.rowLabel && !own.has(section.rowLabel)) {
      problems.push(`rowLabel of "${section.id}" is not one of its questions`)
    }
  }
  return problems
}

function walkItems(items: readonly Item[], visit: (item: Item) => void): void {
  for (const item of items) {
    visit(item)
    if (item.kind === 'group') walkItems(item.items, visit)
  }
}
