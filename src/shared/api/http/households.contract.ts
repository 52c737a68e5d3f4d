import { z } from 'zod'
import { formResponseSchema } from '../../forms/form-response.schema'
import { isoDateSchema } from '../../household/household-revision.schema'
import { defineHttp, ROLES } from './http-call'

export const consoleHouseholdSchema = z.object({
  id: z.uuid(),
  communeCode: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  headName: z.string(),
  address: z.string().nullable(),
  memberCount: z.number().int(),
  visitResult: z.string().nullable(),
  visitDate: isoDateSchema,
  deviceId: z.uuid(),
  receivedAt: z.string(),
})
export type ConsoleHousehold = z.infer<typeof consoleHouseholdSchema>

export const consoleMemberSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  fullName: z.string(),
  answers: z.record(z.string(), z.unknown()),
})

export const consoleHouseholdDetailSchema = consoleHouseholdSchema.extend({
  revisionId: z.uuid(),
  formId: z.string(),
  formVersion: z.number().int(),
  response: formResponseSchema,
  members: z.array(consoleMemberSchema),
})
export type ConsoleHouseholdDetail = z.infer<typeof consoleHouseholdDetailSchema>

/**
 * Every console role reads households; a commune viewer only those of their own commune
 * (asking for another commune, or for one of its households, is refused with 403).
 */
const READERS = { roles: ROLES }

export const householdCalls = defineHttp({
  'households.list': {
    method: 'GET',
    path: '/api/v1/households',
    access: READERS,
    input: z.strictObject({
      communeCode: z
        .string()
        .regex(/^\d{5}$/)
        .optional(),
      villageCode: z.string().max(32).optional(),
      q: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number().int(), items: z.array(consoleHouseholdSchema) }),
  },
  'households.get': {
    method: 'GET',
    path: '/api/v1/households/:id',
    access: READERS,
    input: z.strictObject({ id: z.uuid() }),
    output: consoleHouseholdDetailSchema,
  },
})
