import { z } from 'zod'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

/** A member of the village team who records visits on this laptop. */
export const teamMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  active: z.boolean(),
})
export type TeamMember = z.infer<typeof teamMemberSchema>

const teamName = z.string().trim().min(1).max(100)

export const teamCalls = defineContract({
  /** The team list and who is recording now (remembered between visits). */
  'team.list': {
    input: emptyInput,
    output: z.object({ members: z.array(teamMemberSchema), currentId: z.uuid().nullable() }),
  },
  'team.add': { input: z.object({ name: teamName }).strict(), output: teamMemberSchema },
  /** Rename or (de)activate; members are never deleted because visits name them. */
  'team.update': {
    input: z
      .object({ id: z.uuid(), name: teamName.optional(), active: z.boolean().optional() })
      .strict(),
    output: teamMemberSchema,
  },
  'team.setCurrent': {
    input: z.object({ id: z.uuid() }).strict(),
    output: z.object({ currentId: z.uuid() }),
  },
})
