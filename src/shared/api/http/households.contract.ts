import { z } from 'zod'
import { formResponseSchema } from '../../forms/form-response.schema'
import { isoDateSchema } from '../../household/household-revision.schema'
import { defineHttp, ROLES } from './http-call'
import { reviewStateSchema } from './review.contract'

/**
 * Households counted per list: above this the total is "10,000+" (counting a whole
 * province would cost more than the page), and pages reach this far.
 */
export const HOUSEHOLD_LIST_WINDOW = 10_000
/**
 * Matches counted per text search: a search is for finding a household, and above this
 * many the person types more rather than pages on ("1,000+").
 */
export const HOUSEHOLD_SEARCH_WINDOW = 1_000
/** Most revisions the history of one household answers, newest first. */
export const MAX_HISTORY_REVISIONS = 200

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
  /** The household's change number (newer changes have higher ones). */
  version: z.number().int(),
  reviewState: reviewStateSchema,
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

/** One visit of a household: its date and result as its newest revision has them. */
export const householdVisitSchema = z.object({
  id: z.uuid(),
  visitDate: isoDateSchema,
  visitResult: z.string().nullable(),
  revisionId: z.string(),
  /** Revisions of this visit the server received (accepted and rejected). */
  revisionCount: z.number().int(),
})
export type HouseholdVisit = z.infer<typeof householdVisitSchema>

/**
 * One revision of a household: who made it on which laptop, when, what became of it, and
 * the response it carried (the cleaned one when accepted), so that the console can show
 * what it changed against its base.
 */
export const householdRevisionEntrySchema = z.object({
  id: z.string(),
  visitId: z.string(),
  baseRevisionId: z.string().nullable(),
  status: z.enum(['accepted', 'rejected']),
  /** Why it was rejected. */
  reason: z.string().nullable(),
  hlc: z.string(),
  /** Device time of the save. */
  savedAt: z.string(),
  receivedAt: z.string(),
  batchId: z.string(),
  deviceId: z.string(),
  /** The laptop's enrolled name; null for the server's own revisions or an unknown laptop. */
  deviceName: z.string().nullable(),
  /** The team member named on the laptop at the time. */
  enumeratorName: z.string().nullable(),
  /** Made by the server when staff settled a conflict for the other value. */
  madeByServer: z.boolean(),
  /** For a server-made revision: who settled the conflict. */
  settledBy: z.string().nullable(),
  formVersion: z.number().int(),
  response: formResponseSchema,
  /** The household's current state is this revision's (or merged from it). */
  isHead: z.boolean(),
})
export type HouseholdRevisionEntry = z.infer<typeof householdRevisionEntrySchema>

export const householdHistorySchema = z.object({
  visits: z.array(householdVisitSchema),
  /** Newest stamp first. */
  revisions: z.array(householdRevisionEntrySchema),
  /** More revisions exist than MAX_HISTORY_REVISIONS. */
  truncated: z.boolean(),
})
export type HouseholdHistory = z.infer<typeof householdHistorySchema>

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
      visitResult: z
        .string()
        .regex(/^[a-z][a-z0-9_]{0,31}$/)
        .optional(),
      reviewState: reviewStateSchema.optional(),
      /** Names (accent-free, word prefixes), a phone or a citizen id (whole), a village name. */
      q: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(HOUSEHOLD_LIST_WINDOW).default(0),
    }),
    output: z.object({
      /** Matches, counted up to HOUSEHOLD_LIST_WINDOW (HOUSEHOLD_SEARCH_WINDOW with `q`). */
      total: z.number().int(),
      /** There are more matches than `total` says. */
      totalCapped: z.boolean(),
      items: z.array(consoleHouseholdSchema),
    }),
  },
  'households.get': {
    method: 'GET',
    path: '/api/v1/households/:id',
    access: READERS,
    input: z.strictObject({ id: z.uuid() }),
    output: consoleHouseholdDetailSchema,
  },
  'households.history': {
    method: 'GET',
    path: '/api/v1/households/:id/history',
    access: READERS,
    input: z.strictObject({ id: z.uuid() }),
    output: householdHistorySchema,
  },
})
