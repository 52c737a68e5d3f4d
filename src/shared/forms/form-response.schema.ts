import { z } from 'zod'

/** One answer: absent questions are simply missing from the map (never `undefined`). */
export const answerSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.null(),
])
export type Answer = z.infer<typeof answerSchema>

export const answersSchema = z.record(z.string(), answerSchema)
export type Answers = z.infer<typeof answersSchema>

/** A row of a repeat (a household member). The id is client-made and stable across visits. */
export const repeatRowSchema = z.strictObject({
  id: z.uuid(),
  answers: answersSchema,
})
export type RepeatRow = z.infer<typeof repeatRowSchema>

/** Everything entered on one form: household-level answers and the rows of each repeat. */
export const formResponseSchema = z.strictObject({
  answers: answersSchema,
  repeats: z.record(z.string(), z.array(repeatRowSchema)),
})
export type FormResponse = z.infer<typeof formResponseSchema>
