import { z } from 'zod'
import { formDefinitionSchema } from '../forms/form-definition.schema'
import { formResponseSchema } from '../forms/form-response.schema'
import { validationIssueSchema } from '../forms/validation-issue'
import { isoDateSchema } from '../household/household-revision.schema'
import { type CallInput, type CallName, type CallOutput, defineContract } from './contract'

/**
 * Where a household's latest revision stands with the server:
 * pending (saved here, not yet acknowledged) · sent (the server stored it) ·
 * rejected (the server refused it; the reason is kept and shown).
 */
export const syncStateSchema = z.enum(['pending', 'sent', 'rejected'])
export type SyncState = z.infer<typeof syncStateSchema>

export const villageSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  households: z.number().int(),
  pending: z.number().int(),
})
export type VillageSummary = z.infer<typeof villageSummarySchema>

export const householdSummarySchema = z.object({
  id: z.uuid(),
  villageCode: z.string(),
  headName: z.string(),
  address: z.string().nullable(),
  memberCount: z.number().int(),
  visitResult: z.string().nullable(),
  visitDate: isoDateSchema,
  syncState: syncStateSchema,
  updatedAt: z.string(),
})
export type HouseholdSummary = z.infer<typeof householdSummarySchema>

export const householdDetailSchema = householdSummarySchema.extend({
  revisionId: z.uuid(),
  formId: z.string(),
  formVersion: z.number().int(),
  response: formResponseSchema,
  rejectReason: z.string().nullable(),
})
export type HouseholdDetail = z.infer<typeof householdDetailSchema>

export const saveHouseholdOutputSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    householdId: z.uuid(),
    revisionId: z.uuid(),
    warnings: z.array(validationIssueSchema),
  }),
  /** Nothing was saved: errors block. */
  z.object({ status: z.literal('invalid'), issues: z.array(validationIssueSchema) }),
])
export type SaveHouseholdOutput = z.infer<typeof saveHouseholdOutputSchema>

export const syncStatusSchema = z.object({
  serverUrl: z.string().nullable(),
  pending: z.number().int(),
  sent: z.number().int(),
  rejected: z.number().int(),
  lastSyncAt: z.string().nullable(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const syncReportSchema = z.object({
  batches: z.number().int(),
  sent: z.number().int(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
})
export type SyncReport = z.infer<typeof syncReportSchema>

const empty = z.object({}).strict()

/**
 * The desktop IPC contract: every call the renderer may make of the main process. The main
 * process validates each input against it; the preload exposes exactly these names.
 */
export const ipcContract = defineContract({
  'app.info': {
    input: empty,
    output: z.object({
      deviceId: z.uuid(),
      communeCode: z.string(),
      communeName: z.string(),
      provinceName: z.string(),
      today: isoDateSchema,
    }),
  },
  'places.listVillages': { input: empty, output: z.array(villageSummarySchema) },
  'forms.getDefault': { input: empty, output: formDefinitionSchema },
  'households.list': {
    input: z
      .object({
        villageCode: z.string().max(32).optional(),
        query: z.string().max(200).optional(),
      })
      .strict(),
    output: z.array(householdSummarySchema),
  },
  'households.get': {
    input: z.object({ id: z.uuid() }).strict(),
    output: householdDetailSchema,
  },
  'households.save': {
    input: z
      .object({
        /** Absent for a new household. */
        householdId: z.uuid().optional(),
        villageCode: z.string().min(1).max(32),
        visitDate: isoDateSchema,
        response: formResponseSchema,
      })
      .strict(),
    output: saveHouseholdOutputSchema,
  },
  'sync.status': { input: empty, output: syncStatusSchema },
  'sync.setServerUrl': {
    input: z.object({ serverUrl: z.url({ protocol: /^https?$/ }).max(500) }).strict(),
    output: syncStatusSchema,
  },
  'sync.run': { input: empty, output: syncReportSchema },
})

export type IpcContract = typeof ipcContract
export type IpcCall = CallName<IpcContract>
export type IpcInput<N extends IpcCall> = CallInput<IpcContract, N>
export type IpcOutput<N extends IpcCall> = CallOutput<IpcContract, N>
export const IPC_CALLS = Object.keys(ipcContract) as IpcCall[]
