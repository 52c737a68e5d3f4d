import type { Kysely } from 'kysely'
import {
  type SyncLastRun,
  type SyncProgress,
  type SyncReport,
  syncLastRunSchema,
} from '../../shared/api/ipc.contract'
import { toErrorInfo } from '../../shared/result'
import type { MainContext } from '../context'
import { getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'
import { notInOpenUpload } from './sealed-batch.repository'

/**
 * Where each context's running sync is. Kept in memory only: a run does not survive a
 * restart, and its progress must not either. Keyed by the context so two laptops' worth
 * of contexts in one test process never see each other's runs.
 */
const progressOf = new WeakMap<MainContext, SyncProgress>()

/** The running sync's progress, or null when none runs. */
export function currentSyncProgress(ctx: MainContext): SyncProgress | null {
  const progress = progressOf.get(ctx)
  return progress ? { ...progress } : null
}

/** What a run has to upload, known before its first batch. */
export interface UploadPlan {
  totalRecords: number
  batches: number
}

/**
 * Counts what a run will upload: the open uploads (sealed earlier, their answer lost) as
 * they are, then the unsealed pending revisions in batches of `batchSize`. The same
 * selection as the outbox's, so the counts match what the run sends.
 */
export async function planUpload(
  db: Kysely<LocalDatabase>,
  batchSize: number,
): Promise<UploadPlan> {
  const open = await db
    .selectFrom('sealed_batches as sb')
    .leftJoin('sealed_batch_revisions as sbr', 'sbr.batch_id', 'sb.id')
    .select((eb) => ['sb.id', eb.fn.count<number>('sbr.revision_id').as('n')])
    .where('sb.kind', '=', 'upload')
    .where('sb.settled_at', 'is', null)
    .where('sb.released_at', 'is', null)
    .groupBy('sb.id')
    .execute()
  const unsealed = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .where(notInOpenUpload)
    .executeTakeFirstOrThrow()
  const unsealedCount = Number(unsealed.n)
  return {
    totalRecords: open.reduce((sum, row) => sum + Number(row.n), 0) + unsealedCount,
    batches: open.length + Math.ceil(unsealedCount / batchSize),
  }
}

/**
 * Reports a run's progress as it goes. The plan is an estimate (a batch splits when
 * revisions of two communes are pending), so the counts grow to what was really done.
 */
export class SyncProgressTracker {
  constructor(
    private readonly ctx: MainContext,
    plan: UploadPlan,
  ) {
    progressOf.set(ctx, { phase: 'upload', sentRecords: 0, batch: 0, ...plan })
  }

  /** The next batch starts uploading. */
  batchStarted(): void {
    this.update((p) => ({ ...p, batch: p.batch + 1, batches: Math.max(p.batches, p.batch + 1) }))
  }

  /** The current batch's receipt was applied: its records are settled. */
  batchSettled(records: number): void {
    this.update((p) => {
      const sentRecords = p.sentRecords + records
      return { ...p, sentRecords, totalRecords: Math.max(p.totalRecords, sentRecords) }
    })
  }

  /** Uploads are done: the commune's changes are being pulled. */
  pulling(): void {
    this.update((p) => ({ ...p, phase: 'pull' }))
  }

  /** The run ended, either way. */
  finished(): void {
    progressOf.delete(this.ctx)
  }

  private update(next: (progress: SyncProgress) => SyncProgress): void {
    const progress = progressOf.get(this.ctx)
    if (progress) progressOf.set(this.ctx, next(progress))
  }
}

/** Remembers how a run ended, so the sync screen shows it after a restart too. */
export async function recordLastRun(
  ctx: MainContext,
  report: SyncReport,
  failure: { error: unknown } | null,
): Promise<void> {
  const run: SyncLastRun = {
    finishedAt: new Date(ctx.clock.now()).toISOString(),
    result: failure === null ? 'ok' : 'failed',
    errorCode: failure === null ? null : toErrorInfo(failure.error).code,
    report,
  }
  await setSetting(ctx.db, 'last_sync_run', JSON.stringify(run))
}

/** How the last run ended; null before the first. */
export async function readLastRun(db: Kysely<LocalDatabase>): Promise<SyncLastRun | null> {
  const stored = await getSetting(db, 'last_sync_run')
  return stored === null ? null : syncLastRunSchema.parse(JSON.parse(stored))
}
