import type { Kysely } from 'kysely'
import type { SyncReceipt } from '../../shared/api/http.contract'
import type { MainContext } from '../context'
import { refreshHouseholdSyncStates } from '../household/household.repository'
import type { LocalDatabase } from '../store/local-database.types'
import { settleRevision } from './outbox.repository'
import { settleSealedBatch } from './sealed-batch.repository'

/**
 * Marks the batch's revisions from a verified receipt (DESIGN.md §5, principle 4), whether
 * it came back over HTTP or on a USB stick: accepted and duplicate → sent, rejected → kept
 * with its reason. Only pending revisions change, so a second receipt for the same records
 * changes nothing. Runs in the caller's transaction; the batch's revisions are
 * those stored with it when it was sealed. @returns how many revisions it settled
 */
export async function settleByReceipt(
  trx: Kysely<LocalDatabase>,
  batchId: string,
  receipt: SyncReceipt,
  at: string,
): Promise<number> {
  // Through the batch's own revision list: no parameter list as long as a campaign's file.
  const carried = await trx
    .selectFrom('revisions')
    .innerJoin('sealed_batch_revisions as sbr', 'sbr.revision_id', 'revisions.id')
    .select(['revisions.household_id', 'revisions.status'])
    .where('sbr.batch_id', '=', batchId)
    .execute()
  for (const outcome of receipt.outcomes) {
    const rejected = outcome.status === 'rejected'
    await settleRevision(trx, {
      id: outcome.revisionId,
      status: rejected ? 'rejected' : 'sent',
      reason: rejected ? (outcome.reason ?? 'rejected') : null,
      batchId,
      at,
    })
  }
  await settleSealedBatch(trx, batchId, at)
  await refreshHouseholdSyncStates(trx, [...new Set(carried.map((r) => r.household_id))])
  return carried.filter((r) => r.status === 'pending').length
}

/** Applies a verified receipt to its batch in one transaction (the HTTP upload's path). */
export async function applyReceipt(
  ctx: MainContext,
  batchId: string,
  receipt: SyncReceipt,
): Promise<number> {
  const at = new Date(ctx.clock.now()).toISOString()
  return ctx.db.transaction().execute((trx) => settleByReceipt(trx, batchId, receipt, at))
}
