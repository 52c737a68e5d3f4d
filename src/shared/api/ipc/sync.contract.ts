import { z } from 'zod'
import { defineContract } from '../contract'
import { emptyInput } from './app.contract'

/**
 * Where a running sync is: uploading batch `batch` of `batches` (`sentRecords` of
 * `totalRecords` acknowledged so far), then pulling the commune's changes.
 */
export const syncProgressSchema = z.object({
  phase: z.enum(['upload', 'pull']),
  sentRecords: z.number().int(),
  totalRecords: z.number().int(),
  /** The batch being uploaded, from 1; 0 before the first. */
  batch: z.number().int(),
  batches: z.number().int(),
})
export type SyncProgress = z.infer<typeof syncProgressSchema>

export const syncReportSchema = z.object({
  batches: z.number().int(),
  sent: z.number().int(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  /** What the pull after the upload brought: households stored, kept local, villages. */
  pulled: z.object({
    households: z.number().int(),
    skipped: z.number().int(),
    villages: z.number().int(),
  }),
})
export type SyncReport = z.infer<typeof syncReportSchema>

/**
 * How the last sync ended, at the device's time: its report, or its error's reason code
 * with what was already done before it failed (batches acknowledged stay settled).
 */
export const syncLastRunSchema = z.object({
  finishedAt: z.string(),
  result: z.enum(['ok', 'failed']),
  errorCode: z.string().nullable(),
  report: syncReportSchema,
})
export type SyncLastRun = z.infer<typeof syncLastRunSchema>

export const syncStatusSchema = z.object({
  serverUrl: z.string().nullable(),
  pending: z.number().int(),
  /**
   * Of the pending revisions, those that left in a sealed batch no receipt settled yet (an
   * upload whose answer was lost, or an export): they await the province's receipt.
   */
  awaiting: z.number().int(),
  sent: z.number().int(),
  rejected: z.number().int(),
  lastSyncAt: z.string().nullable(),
  /** The latest batch file exported for a USB stick; its revisions stay pending until a receipt. */
  lastExport: z
    .object({ batchId: z.string(), at: z.string(), revisions: z.number().int() })
    .nullable(),
  /** Open conflicts of the commune, as of the last pull. */
  openConflicts: z.number().int(),
  /** The device clock reads earlier than at the last sync: its time must be set right. */
  clockBehind: z.boolean(),
  /** The server's time at the last sync (its receipt), when a batch was sent. */
  lastServerTime: z.string().nullable(),
  /** The last finished run (kept across restarts); null before the first. */
  lastRun: syncLastRunSchema.nullable(),
  /** The run in progress; null when no sync is running. */
  progress: syncProgressSchema.nullable(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

/** A sealed batch file to save on removable media. */
export const exportedBatchSchema = z.object({
  batchId: z.string(),
  /** `langso-<commune code>-<YYYYMMDD-HHmm>-<last 8 of batch id>.langso-batch` (ASCII) */
  fileName: z.string(),
  bytesBase64: z.string(),
  revisions: z.number().int(),
})
export type ExportedBatch = z.infer<typeof exportedBatchSchema>

/** Largest receipt file accepted (a receipt of the largest batch file is far smaller). */
export const MAX_RECEIPT_FILE_BYTES = 16 * 1024 * 1024

/** What a receipt file carried back on a USB stick did to this laptop's records. */
export const receiptImportSchema = z.object({
  batchId: z.string(),
  /** The server's time when it imported the batch. */
  receivedAt: z.string(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  /** Records this receipt moved out of "pending" (0: a sync had already settled them). */
  settled: z.number().int(),
})
export type ReceiptImport = z.infer<typeof receiptImportSchema>

export const syncCalls = defineContract({
  'sync.status': { input: emptyInput, output: syncStatusSchema },
  'sync.setServerUrl': {
    input: z.object({ serverUrl: z.url({ protocol: /^https?$/ }).max(500) }).strict(),
    output: syncStatusSchema,
  },
  'sync.run': { input: emptyInput, output: syncReportSchema },
  /** Seals every pending revision into one batch file (the same seal as an upload). */
  'sync.exportBatchFile': { input: emptyInput, output: exportedBatchSchema },
  /**
   * Applies a province-signed receipt file (from the console's import of an exported batch)
   * exactly as an HTTP receipt is applied; the file's bytes in base64.
   */
  'sync.importReceiptFile': {
    input: z.strictObject({
      contentBase64: z
        .string()
        .min(1)
        .max(Math.ceil(MAX_RECEIPT_FILE_BYTES / 3) * 4),
    }),
    output: receiptImportSchema,
  },
})
