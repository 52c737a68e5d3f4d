import { z } from 'zod'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

/** How a backup came to be: the daily snapshot, "back up now", or the copy kept before a restore. */
export const backupKindSchema = z.enum(['auto', 'manual', 'pre-restore'])
export type BackupKind = z.infer<typeof backupKindSchema>

/**
 * A backup file's name: `langso-<UTC yyyymmddThhmmssZ>[-n]-<kind>.sqlite`, ASCII only.
 * The only way a call names a backup, so no input can point outside the backups folder.
 */
export const backupFileNameSchema = z
  .string()
  .regex(/^langso-\d{8}T\d{6}Z(?:-\d{1,3})?-(?:auto|manual|pre-restore)\.sqlite$/)

/** One snapshot of the local store in the backups folder. */
export const backupEntrySchema = z.object({
  fileName: backupFileNameSchema,
  kind: backupKindSchema,
  createdAt: z.string(),
  bytes: z.number().int(),
})
export type BackupEntry = z.infer<typeof backupEntrySchema>

/** How the last restore went, shown after the restart that applied it. */
export const lastRestoreSchema = z.object({
  fileName: z.string(),
  at: z.string(),
  result: z.enum(['restored', 'failed']),
  /** The reason code when it failed (the store was left as it was). */
  errorCode: z.string().nullable(),
  /** The copy of the store taken just before it was replaced. */
  safetyBackup: z.string().nullable(),
})
export type LastRestore = z.infer<typeof lastRestoreSchema>

/** Where the data is, and the backups of it. */
export const backupOverviewSchema = z.object({
  /** The data folder, under the operating system's user data folder. */
  dataDir: z.string(),
  backupsDir: z.string(),
  logsDir: z.string(),
  databaseBytes: z.number().int(),
  /** Newest first. */
  backups: z.array(backupEntrySchema),
  /** How many of each kind are kept; older ones are deleted. */
  keep: z.record(backupKindSchema, z.number().int()),
  lastRestore: lastRestoreSchema.nullable(),
})
export type BackupOverview = z.infer<typeof backupOverviewSchema>

/** Unsent work of one household that a restore would drop: revisions not in the backup. */
export const lostRecordSchema = z.object({
  householdId: z.string(),
  headName: z.string(),
  villageCode: z.string(),
  visitDate: z.string(),
  revisions: z.number().int(),
  /** pending: never left; awaiting: left, no receipt yet; rejected: refused by the province. */
  state: z.enum(['pending', 'awaiting', 'rejected']),
})
export type LostRecord = z.infer<typeof lostRecordSchema>

/** A visit in progress that a restore would drop, or take back to an older state. */
export const lostDraftSchema = z.object({
  draftId: z.string(),
  headName: z.string(),
  villageCode: z.string(),
  visitDate: z.string(),
  updatedAt: z.string(),
  change: z.enum(['missing', 'older']),
})
export type LostDraft = z.infer<typeof lostDraftSchema>

/** What restoring a backup would do to this laptop's work. */
export const restoreLossSchema = z.object({
  records: z.array(lostRecordSchema),
  drafts: z.array(lostDraftSchema),
  /** Records the province already has that the backup does not; they stay safe there. */
  sentNotInBackup: z.number().int(),
  /** Team members added since the backup. */
  teamMembersNotInBackup: z.number().int(),
  /** The laptop was enrolled again after the backup: it would go back to the old enrolment. */
  enrolmentDiffers: z.boolean(),
})
export type RestoreLoss = z.infer<typeof restoreLossSchema>

/** The checks a backup passed before it may be restored, and what restoring would lose. */
export const restorePreviewSchema = z.object({
  backup: backupEntrySchema,
  checks: z.object({
    integrity: z.literal('ok'),
    schema: z.literal('ok'),
    dataKey: z.literal('ok'),
    device: z.literal('ok'),
  }),
  /** What the backup holds. */
  backupCounts: z.object({
    households: z.number().int(),
    pendingRecords: z.number().int(),
    drafts: z.number().int(),
  }),
  loss: restoreLossSchema,
})
export type RestorePreview = z.infer<typeof restorePreviewSchema>

export const backupCalls = defineContract({
  'backup.overview': { input: emptyInput, output: backupOverviewSchema },
  /** "Back up now": an online snapshot of the store (consistent while the app keeps working). */
  'backup.create': { input: emptyInput, output: backupEntrySchema },
  /** Checks a backup (integrity, schema, data key, device) and lists what a restore would lose. */
  'backup.previewRestore': {
    input: z.strictObject({ fileName: backupFileNameSchema }),
    output: restorePreviewSchema,
  },
  /**
   * Restores a backup at the next start (the app restarts). Checked again; when work would
   * be lost, `confirmLoss` must name exactly the households and drafts the preview listed,
   * so nothing is dropped that the person was not shown.
   */
  'backup.restore': {
    input: z.strictObject({
      fileName: backupFileNameSchema,
      confirmLoss: z.strictObject({
        householdIds: z.array(z.string().max(64)).max(100_000),
        draftIds: z.array(z.string().max(64)).max(100_000),
      }),
    }),
    output: z.object({ restartRequired: z.literal(true), fileName: backupFileNameSchema }),
  },
})
