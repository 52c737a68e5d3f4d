import type { Transaction } from 'kysely'
import type { RecheckOutcome } from '../../shared/api/http/inbox.contract'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { NotFoundError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import { requireCommuneAccess, requireUser } from '../auth/require-role'
import { loadFormLookup } from '../forms/form-registry'
import type { RequestContext } from '../http/request-context'
import type { ServerDatabase } from '../store/server-database.types'
import { reserveChangeSequence } from './change-sequence'
import { type AcceptedRevision, projectRevisions } from './household-projection'
import { IngestJson } from './ingest-json'
import { communeVillageCodes, judgeRevision, type RevisionVerdict } from './revision-verdict'

type Trx = Transaction<ServerDatabase>

/** A quarantined revision as the actions need it. */
interface Quarantined {
  revision: HouseholdRevision
  /** The commune of the batch that brought it (what the ingest checked it against). */
  batchCommune: string
}

/**
 * Checks rejected revisions again against what the province has now (its villages and
 * published form versions): one that passes is taken in — marked accepted in the log and
 * folded into its household with the same projection as an ingest, so devices pull it —
 * and one that still fails keeps waiting with its reason and issues brought up to date.
 * All in one transaction, with one audit entry per revision.
 */
export async function recheckQuarantined(
  ctx: RequestContext,
  revisionIds: readonly string[],
): Promise<RecheckOutcome[]> {
  requireUser(ctx)
  const found = await loadQuarantined(ctx, revisionIds)
  const forms = await loadFormLookup(
    ctx.db,
    found.map((q) => q.revision),
  )
  const villages = new Map<string, string[]>()
  for (const { revision } of found) {
    if (!villages.has(revision.communeCode)) {
      villages.set(revision.communeCode, await communeVillageCodes(ctx.db, revision.communeCode))
    }
  }
  const judged = found.map(({ revision, batchCommune }) => ({
    revision,
    verdict: judgeRevision(
      { communeCode: batchCommune },
      revision,
      forms,
      villages.get(revision.communeCode) ?? [],
    ),
  }))
  const now = new Date(ctx.clock.now()).toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const accepted = judged.filter((j) => j.verdict.status === 'accepted')
    // First, as the ingest does: concurrent writers queue here and the merge reads settled state.
    const seq = await reserveChangeSequence(trx, accepted.length)
    const taken: AcceptedRevision[] = []
    const json = new IngestJson()
    for (const { revision, verdict } of judged) {
      if (await storeVerdict(trx, ctx, revision, verdict, now, json)) {
        if (verdict.status === 'accepted') taken.push({ revision, response: verdict.response })
      }
    }
    await projectRevisions(trx, ctx.dialect, taken, now, seq, json)
    return judged.map(({ revision, verdict }) => ({
      revisionId: revision.id,
      status: verdict.status,
      reason: verdict.status === 'rejected' ? verdict.reason : null,
      issues: verdict.issues,
    }))
  })
}

/**
 * Marks rejected revisions handled without taking them in; they stay in the log with who
 * set them aside, when and why. @returns how many were still waiting
 */
export async function dismissQuarantined(
  ctx: RequestContext,
  revisionIds: readonly string[],
  note: string,
): Promise<number> {
  const user = requireUser(ctx)
  const found = await loadQuarantined(ctx, revisionIds)
  const now = new Date(ctx.clock.now()).toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    let dismissed = 0
    for (const { revision } of found) {
      const result = await trx
        .updateTable('revisions')
        .set({
          quarantine_state: 'dismissed',
          quarantine_note: note,
          quarantine_by: user.username,
          quarantine_at: now,
        })
        .where('id', '=', revision.id)
        .where('status', '=', 'rejected')
        .where('quarantine_state', 'is', null)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) continue
      dismissed += 1
      await recordAudit(trx, ctx, {
        action: 'quarantine.dismissed',
        targetType: 'revision',
        targetId: revision.id,
        communeCode: revision.communeCode,
        details: { householdId: revision.householdId },
      })
    }
    return dismissed
  })
}

/**
 * The rejected revisions asked for, each within the caller's communes. An id that is not
 * in the quarantine (unknown, or accepted meanwhile) is refused as not found, so that the
 * action changes nothing rather than part of what was asked.
 */
async function loadQuarantined(
  ctx: RequestContext,
  revisionIds: readonly string[],
): Promise<Quarantined[]> {
  const rows = await ctx.db
    .selectFrom('revisions')
    .innerJoin('batches', 'batches.id', 'revisions.batch_id')
    .select(['revisions.id', 'revisions.payload_json', 'batches.commune_code as batch_commune'])
    .where('revisions.id', 'in', [...revisionIds])
    .where('revisions.status', '=', 'rejected')
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return revisionIds.map((id) => {
    const row = byId.get(id)
    if (!row) throw new NotFoundError('Quarantined revision')
    const revision = JSON.parse(row.payload_json) as HouseholdRevision
    requireCommuneAccess(ctx, revision.communeCode)
    return { revision, batchCommune: row.batch_commune }
  })
}

/**
 * Writes a new verdict on a revision still rejected in the log.
 * @returns false when it is no longer rejected (checked again by a concurrent request)
 */
async function storeVerdict(
  trx: Trx,
  ctx: RequestContext,
  revision: HouseholdRevision,
  verdict: RevisionVerdict,
  now: string,
  json: IngestJson,
): Promise<boolean> {
  const user = requireUser(ctx)
  const accepted = verdict.status === 'accepted'
  const result = await trx
    .updateTable('revisions')
    .set({
      status: verdict.status,
      reason: accepted ? null : verdict.reason,
      issues_json: verdict.issues.length > 0 ? JSON.stringify(verdict.issues) : null,
      clean_response_json: accepted ? json.cleaned(verdict.response, revision.response) : null,
      ...(accepted
        ? { quarantine_state: null, quarantine_by: user.username, quarantine_at: now }
        : {}),
    })
    .where('id', '=', revision.id)
    .where('status', '=', 'rejected')
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  await recordAudit(trx, ctx, {
    action: accepted ? 'quarantine.accepted' : 'quarantine.rechecked',
    targetType: 'revision',
    targetId: revision.id,
    communeCode: revision.communeCode,
    details: {
      householdId: revision.householdId,
      ...(accepted ? {} : { reason: verdict.reason }),
    },
  })
  return true
}
