import { z } from 'zod'
import { formDefinitionSchema } from '../../forms/form-definition.schema'
import { answerSchema, formResponseSchema } from '../../forms/form-response.schema'
import { localizedTextSchema } from '../../forms/localized-text'
import { validationIssueSchema } from '../../forms/validation-issue'
import { householdRevisionSchema } from '../../household/household-revision.schema'
import { communeCodeSchema } from './auth.contract'
import { signedEnvelopeSchema } from './devices.contract'
import { defineHttp, ROLES } from './http-call'

/** Largest number of revisions in one uploaded batch; keeps a batch small enough for a weak link. */
export const MAX_BATCH_REVISIONS = 500

/**
 * A batch as the server ingests it, once a sealed batch file is opened and verified
 * (sealed-import.service); it never travels as JSON.
 */
export const syncBatchSchema = z.strictObject({
  batchId: z.uuid(),
  deviceId: z.uuid(),
  communeCode: z.string().regex(/^\d{5}$/),
  /** Device wall-clock time when the batch was sealed (ISO 8601). */
  sentAt: z.iso.datetime({ offset: true }),
  revisions: z.array(householdRevisionSchema).min(1).max(MAX_BATCH_REVISIONS),
})
export type SyncBatch = z.infer<typeof syncBatchSchema>

export const revisionOutcomeSchema = z.object({
  revisionId: z.uuid(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  /** Reason code when rejected. */
  reason: z.string().optional(),
  issues: z.array(validationIssueSchema).optional(),
})
export type RevisionOutcome = z.infer<typeof revisionOutcomeSchema>

export const syncReceiptSchema = z.object({
  batchId: z.uuid(),
  receivedAt: z.string(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  outcomes: z.array(revisionOutcomeSchema),
})
export type SyncReceipt = z.infer<typeof syncReceiptSchema>

/**
 * Where a batch came from: sealed over HTTP, a sealed file, or 'json': written by the server
 * itself (a conflict resolution) or by the skeleton's JSON upload, removed since.
 */
export const BATCH_SOURCES = ['http', 'file', 'json'] as const
export const BATCH_STATUSES = ['ingested', 'refused'] as const

/** What anyone may read of a batch file without a key: its manifest, summarised. */
export const batchManifestSummarySchema = z.object({
  batchId: z.string(),
  deviceId: z.string(),
  communeCode: z.string(),
  /** Device time of sealing. */
  createdAt: z.string(),
  revisions: z.number().int(),
  households: z.number().int(),
  members: z.number().int(),
  /** The form versions the file uses; `title` when the server has the version. */
  forms: z.array(
    z.object({ id: z.string(), version: z.number().int(), title: localizedTextSchema.optional() }),
  ),
})
export type BatchManifestSummary = z.infer<typeof batchManifestSummarySchema>

/** One row of the batch inbox: an ingested or a refused batch. */
export const inboxBatchSchema = z.object({
  /** The batch id; for a refused batch a server-made id (see claimedBatchId). */
  id: z.string(),
  claimedBatchId: z.string().nullable(),
  deviceId: z.string().nullable(),
  communeCode: z.string().nullable(),
  source: z.enum(BATCH_SOURCES),
  receivedAt: z.string(),
  /** Device wall-clock time of sealing; may be far off. */
  deviceCreatedAt: z.string().nullable(),
  /** The device's clock was earlier than at its previous batch. */
  clockBehind: z.boolean(),
  fileBytes: z.number().int().nullable(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  status: z.enum(BATCH_STATUSES),
  /** Why it was refused (a batch error reason such as signature_invalid). */
  errorCode: z.string().nullable(),
})
export type InboxBatch = z.infer<typeof inboxBatchSchema>

/** A rejected revision kept for review. */
export const quarantinedRevisionSchema = z.object({
  revisionId: z.string(),
  batchId: z.string(),
  householdId: z.string(),
  /** The head's name and the village as the record gives them (null when it has none). */
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  deviceId: z.string(),
  communeCode: z.string(),
  reason: z.string().nullable(),
  issues: z.array(validationIssueSchema),
  deviceSavedAt: z.string(),
  receivedAt: z.string(),
  /** 'open' while it waits for staff; 'dismissed' when handled without taking it in. */
  state: z.enum(['open', 'dismissed']),
  /** Who handled it, when and why (null while open). */
  handledBy: z.string().nullable(),
  handledAt: z.string().nullable(),
  note: z.string().nullable(),
})
export type QuarantinedRevision = z.infer<typeof quarantinedRevisionSchema>

const ANY_USER = { roles: ROLES } as const
const PROVINCE_STAFF = { roles: ['province_admin', 'province_staff'] } as const
const inboxPaging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
}
const dayOrTime = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date YYYY-MM-DD or an ISO time')

/** One record of an imported file, as staff recognise it: its household and what happened. */
export const importedRecordSchema = z.object({
  revisionId: z.string(),
  householdId: z.string(),
  villageCode: z.string(),
  /** The village's name as the province listed it (null for a code it has not listed). */
  villageName: z.string().nullable(),
  /** The head's name as the record gives it (null when the record has none). */
  headName: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  /** Why the record was refused, for rejected records (quarantine reason code). */
  reason: z.string().nullable(),
  issues: z.array(validationIssueSchema),
})
export type ImportedRecord = z.infer<typeof importedRecordSchema>

/** The result of importing a batch file in the console. */
export const batchImportResultSchema = z.object({
  manifest: batchManifestSummarySchema,
  receipt: syncReceiptSchema,
  /** Every record of the file in file order, rejected ones with their reason and issues. */
  records: z.array(importedRecordSchema),
  /** The same receipt signed by the province, to carry back to the device. */
  signedReceipt: signedEnvelopeSchema,
  /**
   * Set when the file carried its laptop's enrolment claim (enrolled by file, docs/devices.md):
   * `enrolled` — this import registered the device; `reenrolled` — it replaced a known
   * device's key; `retry` — the device was already registered with this token.
   */
  deviceEnrolment: z
    .object({ outcome: z.enum(['enrolled', 'reenrolled', 'retry']), deviceName: z.string() })
    .nullable()
    .optional(),
})

/** A field two devices changed from the same base: the newer value won, the other is kept here. */
export const conflictSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  communeCode: z.string(),
  villageCode: z.string().nullable(),
  /** The household head's name as it stands now. */
  headName: z.string().nullable(),
  scope: z.enum(['household', 'member']),
  /** The repeat section ('members') and row id for a member's answer. */
  repeatId: z.string().nullable(),
  rowId: z.string().nullable(),
  /** A question id of the form; '@row' when one side removed a member the other edited. */
  questionId: z.string(),
  /** Null when the answer was absent on that side. */
  baseValue: answerSchema,
  winnerValue: answerSchema,
  loserValue: answerSchema,
  winnerRevisionId: z.string(),
  loserRevisionId: z.string(),
  winnerDeviceId: z.string(),
  loserDeviceId: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'resolved']),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  chosen: z.enum(['winner', 'loser']).nullable(),
  comment: z.string().nullable(),
})
export type Conflict = z.infer<typeof conflictSchema>

/** A household as a device pulls it: its current (possibly merged) state. */
export const pulledHouseholdSchema = z.object({
  id: z.string(),
  villageCode: z.string(),
  revisionId: z.string(),
  hlc: z.string(),
  changeSeq: z.number().int(),
  /** The state is a field-level merge of concurrent revisions. */
  merged: z.boolean(),
  formId: z.string(),
  formVersion: z.number().int(),
  visitDate: z.string(),
  response: formResponseSchema,
})
export type PulledHousehold = z.infer<typeof pulledHouseholdSchema>

export const syncPullSchema = z.object({
  households: z.array(pulledHouseholdSchema),
  villages: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      registeredHouseholds: z.number().int(),
      active: z.boolean(),
    }),
  ),
  /** Every published form version; definitions on a first pull (cursor 0) or when asked. */
  forms: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      publishedAt: z.string(),
      definition: formDefinitionSchema.optional(),
    }),
  ),
  /** Open conflicts of the device's commune. */
  conflicts: z.array(conflictSchema),
  /** Pass it as `cursor` next time; equal to the cursor sent when nothing changed. */
  nextCursor: z.number().int(),
  /** More households changed than fit in this page: pull again at once with nextCursor. */
  hasMore: z.boolean(),
})
export type SyncPull = z.infer<typeof syncPullSchema>

export const syncCalls = defineHttp({
  'sync.uploadSealedBatch': {
    method: 'POST',
    path: '/api/v1/sync/sealed-batches',
    access: 'device',
    /** The body is the sealed batch file itself, as `application/vnd.langso.batch`. */
    body: 'binary',
    input: z.instanceof(Uint8Array),
    /** The receipt, signed with the province key (open it with openReceipt). */
    output: signedEnvelopeSchema,
  },
  'batches.importFile': {
    method: 'POST',
    path: '/api/v1/batches/import',
    access: PROVINCE_STAFF,
    input: z.strictObject({
      fileName: z
        .string()
        .min(1)
        .max(200)
        .refine((name) => !/[/\\]|\.\.|[\p{Cc}]/u.test(name), 'a plain file name'),
      contentBase64: z.base64(),
    }),
    output: batchImportResultSchema,
  },
  'batches.list': {
    method: 'GET',
    path: '/api/v1/batches',
    access: ANY_USER,
    input: z.strictObject({
      communeCode: communeCodeSchema.optional(),
      deviceId: z.uuid().optional(),
      status: z.enum(BATCH_STATUSES).optional(),
      /** Received at or after (inclusive). */
      from: dayOrTime.optional(),
      /** Received before this day's end (a date) or this time. */
      to: dayOrTime.optional(),
      ...inboxPaging,
    }),
    output: z.object({ total: z.number().int(), items: z.array(inboxBatchSchema) }),
  },
  'quarantine.list': {
    method: 'GET',
    path: '/api/v1/quarantine',
    access: ANY_USER,
    input: z.strictObject({
      communeCode: communeCodeSchema.optional(),
      deviceId: z.uuid().optional(),
      batchId: z.string().max(64).optional(),
      state: z.enum(['open', 'dismissed']).optional(),
      ...inboxPaging,
    }),
    output: z.object({ total: z.number().int(), items: z.array(quarantinedRevisionSchema) }),
  },
  'sync.pull': {
    method: 'GET',
    path: '/api/v1/sync/pull',
    access: 'device',
    input: z.strictObject({
      /** The last `nextCursor` received; 0 on a first pull. */
      cursor: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(200),
      /** Send every published form definition even when the cursor is not 0. */
      withDefinitions: z.stringbool().optional(),
    }),
    output: syncPullSchema,
  },
  'conflicts.list': {
    method: 'GET',
    path: '/api/v1/conflicts',
    access: ANY_USER,
    input: z.strictObject({
      communeCode: communeCodeSchema.optional(),
      status: z.enum(['open', 'resolved']).optional(),
      householdId: z.uuid().optional(),
      ...inboxPaging,
    }),
    output: z.object({ total: z.number().int(), items: z.array(conflictSchema) }),
  },
  'conflicts.resolve': {
    method: 'POST',
    path: '/api/v1/conflicts/:id/resolve',
    access: PROVINCE_STAFF,
    input: z.strictObject({
      id: z.string().min(1).max(64),
      /** 'winner' keeps the merged value; 'loser' writes a server revision setting the other. */
      choose: z.enum(['winner', 'loser']),
      comment: z.string().trim().max(500).optional(),
    }),
    output: conflictSchema,
  },
})
