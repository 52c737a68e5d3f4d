import type { Kysely } from 'kysely'
import type { PulledHousehold } from '../../shared/api/http/sync.contract'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../../shared/household/household-revision.schema'
import { sameAnswer } from '../../shared/sync/merge/merge-responses'
import type { MainContext } from '../context'
import { findHousehold, type HouseholdRow } from '../household/household.repository'
import { findVisitOnDate } from '../household/visit.repository'
import { storeHouseholdState } from '../household/visit-save'
import { localPlaces } from '../places/village-catalog'
import type { LocalDatabase } from '../store/local-database.types'
import { openRevision, sealedAt } from '../store/sealed-columns'
import { findRevision, insertRevision, type RevisionRow } from './outbox.repository'

/** The server's device id (its own revisions, e.g. a settled conflict): pulled states carry it. */
export const SERVER_DEVICE_ID = '00000000-0000-7000-8000-000000000000'

/** Finds a form version by id and version, synchronously (built in, stored or just pulled). */
export type FormFinder = (formId: string, version: number) => FormDefinition | null

/**
 * What became of a pulled state: stored; already held; or left aside (`kept_local`)
 * because the household has local work, or (`unknown_form`) because this build cannot
 * read its form version. Both left-aside kinds are parked and tried again later.
 */
export type PullOutcome = 'stored' | 'unchanged' | 'kept_local' | 'unknown_form'

/**
 * Stores a household another device of the commune changed (or the server merged), as a
 * local save would, but without an outbox revision: the pulled revision becomes the base
 * of the next local edit. A household with unsent or rejected local work or an open draft
 * keeps its local state: its next upload is what the server merges. A merged state may
 * keep the revision id this laptop already holds (its own edit was the newest) with other
 * content: the content is what counts, not the id.
 */
export async function applyPulledHousehold(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  pulled: PulledHousehold,
  forms: FormFinder,
  at: string,
): Promise<PullOutcome> {
  const existing = await findHousehold(trx, pulled.id)
  const held = existing ? await findRevision(trx, existing.latest_revision_id) : undefined
  if (held && held.id === pulled.revisionId && holdsState(ctx, held, pulled)) return 'unchanged'
  if (existing && (await hasLocalWork(trx, pulled.id, existing.sync_state))) return 'kept_local'
  const form = forms(pulled.formId, pulled.formVersion)
  if (!form) {
    // A form version this build cannot read: keep what is here until the app is updated.
    ctx.log.info('sync_pull_unknown_form', { formId: pulled.formId, version: pulled.formVersion })
    return 'unknown_form'
  }
  const sameDay = existing ? await findVisitOnDate(trx, pulled.id, pulled.visitDate) : undefined
  const visitId = sameDay?.id ?? ctx.newId()
  const communeCode = existing?.commune_code ?? (await localPlaces(trx)).commune.code
  await storeHouseholdState(trx, ctx, existing, {
    householdId: pulled.id,
    revisionId: pulled.revisionId,
    visitId,
    communeCode,
    villageCode: pulled.villageCode,
    visitDate: pulled.visitDate,
    form,
    response: pulled.response,
    enumeratorId: null,
    syncState: 'sent',
    at,
  })
  await recordPulledRevision(trx, ctx, { pulled, existing, visitId, communeCode, at })
  return 'stored'
}

/** Whether the held revision already is the pulled state (same place, day, form, answers). */
function holdsState(ctx: MainContext, row: RevisionRow, pulled: PulledHousehold): boolean {
  const held = openRevision(ctx.cipher, row)
  return (
    held.villageCode === pulled.villageCode &&
    held.visitDate === pulled.visitDate &&
    held.formId === pulled.formId &&
    held.formVersion === pulled.formVersion &&
    sameAnswer(held.response, pulled.response)
  )
}

/**
 * Keeps the pulled state in the local history as a revision already on the server (status
 * sent, so it is never uploaded): the household's latest revision is what the household
 * screen opens and what the next edit is based on. The pulled state may be a merge of
 * several devices' revisions, so it is attributed to the server. A revision this laptop
 * already holds (its own, echoed back) is not written twice, but when the server merged
 * other edits into it, its stored content becomes the merged state.
 */
async function recordPulledRevision(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  input: {
    pulled: PulledHousehold
    existing: HouseholdRow | undefined
    visitId: string
    communeCode: string
    at: string
  },
): Promise<void> {
  const { pulled, at } = input
  const held = await findRevision(trx, pulled.revisionId)
  if (held) {
    if (!holdsState(ctx, held, pulled)) await rewriteHeldRevision(trx, ctx, held, pulled)
    return
  }
  const revision: HouseholdRevision = householdRevisionSchema.parse({
    id: pulled.revisionId,
    householdId: pulled.id,
    visitId: input.visitId,
    baseRevisionId: input.existing?.latest_revision_id ?? null,
    deviceId: SERVER_DEVICE_ID,
    hlc: pulled.hlc,
    communeCode: input.communeCode,
    villageCode: pulled.villageCode,
    formId: pulled.formId,
    formVersion: pulled.formVersion,
    visitDate: pulled.visitDate,
    savedAt: at,
    response: pulled.response,
    enumerator: null,
  })
  await insertRevision(trx, {
    id: revision.id,
    household_id: revision.householdId,
    visit_id: revision.visitId,
    base_revision_id: revision.baseRevisionId,
    hlc: revision.hlc,
    payload_json: ctx.cipher.sealJson(revision, sealedAt.revisionPayload(revision.id)),
    status: 'sent',
    reason: null,
    batch_id: null,
    created_at: at,
    sent_at: at,
  })
}

/**
 * Gives a held (already sent) revision the server's merged state under the same id. Who
 * made it, when and from which base stay as they were: only the state it stands for
 * changes, so the household screen and the next edit's base show what the server holds.
 */
async function rewriteHeldRevision(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  row: RevisionRow,
  pulled: PulledHousehold,
): Promise<void> {
  const merged: HouseholdRevision = householdRevisionSchema.parse({
    ...openRevision(ctx.cipher, row),
    villageCode: pulled.villageCode,
    formId: pulled.formId,
    formVersion: pulled.formVersion,
    visitDate: pulled.visitDate,
    response: pulled.response,
  })
  await trx
    .updateTable('revisions')
    .set({ payload_json: ctx.cipher.sealJson(merged, sealedAt.revisionPayload(row.id)) })
    .where('id', '=', row.id)
    // Never touch what is still to be sent: only the server's copy of it is replaced.
    .where('status', '=', 'sent')
    .execute()
}

async function hasLocalWork(
  trx: Kysely<LocalDatabase>,
  householdId: string,
  syncState: string,
): Promise<boolean> {
  if (syncState !== 'sent') return true
  const pending = await trx
    .selectFrom('revisions')
    .select('id')
    .where('household_id', '=', householdId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (pending) return true
  const draft = await trx
    .selectFrom('drafts')
    .select('id')
    .where('household_id', '=', householdId)
    .executeTakeFirst()
  return draft !== undefined
}
