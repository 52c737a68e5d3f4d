import type { Transaction } from 'kysely'
import type { Conflict } from '../../shared/api/http/sync.contract'
import { formatHlc, hlcNodeFromId, parseHlc } from '../../shared/clock/hlc'
import type { Answer, FormResponse } from '../../shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { newId } from '../../shared/ids/uuid'
import { AppError, NotFoundError } from '../../shared/result'
import { ROW_PRESENCE } from '../../shared/sync/merge/merge-responses'
import { recordAudit } from '../audit/audit.service'
import { requireCommuneAccess, requireUser } from '../auth/require-role'
import type { RequestContext } from '../http/request-context'
import type { ServerDatabase } from '../store/server-database.types'
import { findConflict } from './conflict.repository'
import { ingestBatch } from './ingest.service'
import type { ConflictChoice } from './sync.tables'

type Trx = Transaction<ServerDatabase>

/**
 * The device id of revisions the server itself makes (a conflict settled for the losing
 * value). Its stamps sort after the household's, so devices pull the correction.
 */
export const SERVER_DEVICE_ID = '00000000-0000-7000-8000-000000000000'

/** A conflict that cannot be settled as asked (already settled, or the value no longer fits). */
export class ConflictResolutionError extends AppError {
  constructor(message: string) {
    super('conflict', message)
    this.name = 'ConflictResolutionError'
  }
}

export interface ResolveInput {
  id: string
  choose: ConflictChoice
  comment?: string
}

/**
 * Settles a conflict. Keeping the winner only records the decision; choosing the loser
 * writes a server-made revision setting that field, through the one ingest path, so the
 * household's state, the change sequence (devices pull it) and the audit entry are saved
 * in one transaction — or, when the value no longer passes the form's rules, not at all.
 */
export async function resolveConflict(ctx: RequestContext, input: ResolveInput): Promise<Conflict> {
  const user = requireUser(ctx)
  const conflict = await findConflict(ctx.db, input.id)
  if (!conflict) throw new NotFoundError('Conflict')
  requireCommuneAccess(ctx, conflict.communeCode)
  if (conflict.status !== 'open') throw new ConflictResolutionError('Conflict already resolved')
  const settle = async (trx: Trx, revisionId: string | null) => {
    const updated = await trx
      .updateTable('conflicts')
      .set({
        status: 'resolved',
        chosen: input.choose,
        comment: input.comment ?? null,
        resolved_by: user.username,
        resolved_at: new Date(ctx.clock.now()).toISOString(),
        resolution_revision_id: revisionId,
      })
      .where('id', '=', conflict.id)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new ConflictResolutionError('Conflict already resolved')
    }
    await recordAudit(trx, ctx, {
      action: 'conflict.resolved',
      targetType: 'conflict',
      targetId: conflict.id,
      communeCode: conflict.communeCode,
      details: { choose: input.choose, questionId: conflict.questionId, revisionId },
    })
  }
  if (input.choose === 'winner') {
    await ctx.db.transaction().execute((trx) => settle(trx, null))
  } else {
    await writeLoserRevision(ctx, conflict, settle)
  }
  const done = await findConflict(ctx.db, conflict.id)
  if (!done) throw new NotFoundError('Conflict')
  return done
}

async function writeLoserRevision(
  ctx: RequestContext,
  conflict: Conflict,
  settle: (trx: Trx, revisionId: string) => Promise<void>,
): Promise<void> {
  const household = await ctx.db
    .selectFrom('households')
    .innerJoin('revisions', 'revisions.id', 'households.revision_id')
    .select([
      'households.response_json',
      'households.revision_id',
      'households.hlc',
      'households.village_code',
      'households.visit_date',
      'households.form_id',
      'households.form_version',
      'households.commune_code',
      'revisions.visit_id',
    ])
    .where('households.id', '=', conflict.householdId)
    .executeTakeFirst()
  if (!household) throw new NotFoundError('Household')
  const nowMs = ctx.clock.now()
  const revision: HouseholdRevision = {
    id: newId(),
    householdId: conflict.householdId,
    visitId: household.visit_id,
    baseRevisionId: household.revision_id,
    deviceId: SERVER_DEVICE_ID,
    hlc: stampAfter(household.hlc, nowMs),
    communeCode: household.commune_code,
    villageCode: household.village_code,
    formId: household.form_id,
    formVersion: household.form_version,
    visitDate: household.visit_date,
    savedAt: new Date(nowMs).toISOString(),
    response: withLoserValue(JSON.parse(household.response_json) as FormResponse, conflict),
  }
  await ingestBatch(
    ctx,
    {
      batchId: newId(),
      deviceId: SERVER_DEVICE_ID,
      communeCode: household.commune_code,
      sentAt: revision.savedAt,
      revisions: [revision],
    },
    {
      source: 'json',
      onStored: async (trx, receipt) => {
        if (receipt.accepted !== 1) {
          // Throwing rolls the whole ingest back: nothing of the attempt is kept.
          throw new ConflictResolutionError('The other value no longer fits the form')
        }
        await settle(trx, revision.id)
      },
    },
  )
}

/** A stamp of the server device after `after`, at the server's time when that is later. */
function stampAfter(after: string, nowMs: number): string {
  const last = parseHlc(after)
  const node = hlcNodeFromId(SERVER_DEVICE_ID)
  if (nowMs > last.ms) return formatHlc({ ms: nowMs, counter: 0, node })
  return formatHlc({ ms: last.ms, counter: last.counter + 1, node })
}

/** The response with the conflict's field set to the losing value (null: absent). */
function withLoserValue(response: FormResponse, conflict: Conflict): FormResponse {
  const next: FormResponse = structuredClone(response)
  if (conflict.scope === 'household') {
    setAnswer(next.answers, conflict.questionId, conflict.loserValue)
    return next
  }
  const repeatId = conflict.repeatId ?? 'members'
  const rows = next.repeats[repeatId] ?? []
  if (conflict.questionId === ROW_PRESENCE) {
    // The losing side removed the member.
    next.repeats[repeatId] = rows.filter((row) => row.id !== conflict.rowId)
    return next
  }
  const row = rows.find((r) => r.id === conflict.rowId)
  if (!row) throw new ConflictResolutionError('The member is no longer in the household')
  setAnswer(row.answers, conflict.questionId, conflict.loserValue)
  return next
}

function setAnswer(answers: FormResponse['answers'], questionId: string, value: Answer): void {
  if (value === null) delete answers[questionId]
  else answers[questionId] = value
}
