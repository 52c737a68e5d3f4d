import { z } from 'zod'
import { hlcStampSchema } from '../clock/hlc'
import { formResponseSchema } from '../forms/form-response.schema'

/** Calendar date as dd/mm/yyyy is for display only; data carries ISO `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date()

/**
 * One saved state of a household, as made on a device and sent to the server. Revisions
 * are immutable and identified by a client-made UUIDv7, so a re-sent revision is a no-op.
 * `baseRevisionId` is the revision the device edited from (null for a new household):
 * the sync issue's field-level merge starts from it.
 */
export const householdRevisionSchema = z.strictObject({
  id: z.uuid(),
  householdId: z.uuid(),
  visitId: z.uuid(),
  baseRevisionId: z.uuid().nullable(),
  deviceId: z.uuid(),
  hlc: hlcStampSchema,
  communeCode: z.string().regex(/^\d{5}$/),
  villageCode: z.string().min(1).max(32),
  formId: z.string().min(1),
  formVersion: z.number().int().positive(),
  visitDate: isoDateSchema,
  /** Device wall-clock time of the save (ISO 8601); kept beside the server's receipt time. */
  savedAt: z.iso.datetime({ offset: true }),
  response: formResponseSchema,
  /** The team member who made the visit, as named on the device at the time. */
  enumerator: z
    .strictObject({ id: z.uuid(), name: z.string().min(1).max(100) })
    .nullable()
    .optional(),
})
export type HouseholdRevision = z.infer<typeof householdRevisionSchema>
