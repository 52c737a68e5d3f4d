import type { Kysely } from 'kysely'
import type { PulledHousehold, SyncPull } from '../../shared/api/http/sync.contract'
import type { SyncReport } from '../../shared/api/ipc.contract'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../../shared/household/household-revision.schema'
import type { MainContext } from '../context'
import type { Enrolment } from '../device/device-enrolment.repository'
import { localFormOrNull } from '../forms/local-forms'
import { findHousehold, type HouseholdRow } from '../household/household.repository'
import { findVisitOnDate } from '../household/visit.repository'
import { storeHouseholdState } from '../household/visit-save'
import { localPlaces } from '../places/village-catalog'
import { saveVillageRegister } from '../places/village-register.repository'
import { getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'
import { sealedAt } from '../store/sealed-columns'
import { findRevision, insertRevision } from './outbox.repository'
import { pullPage } from './sync.client'

export type PullCounts = SyncReport['pulled']

/** The server's device id (its own revisions, e.g. a settled conflict): pulled states carry it. */
export const SERVER_DEVICE_ID = '00000000-0000-7000-8000-000000000000'

/**
 * Pulls the commune's changes since this laptop's cursor (DESIGN.md §5, principle 7), page
 * by page while the server has more. Each page is applied, and the cursor advanced, in one
 * transaction: a pull cut off midway resumes at the last applied page and never skips one.
 */
export async function pullChanges(
  ctx: MainContext,
  enrolment: Enrolment,
  serverUrl: string,
): Promise<PullCounts> {
  const counts: PullCounts = { households: 0, skipped: 0, villages: 0 }
  let cursor = Number((await getSetting(ctx.db, 'pull_cursor')) ?? '0')
  for (;;) {
    const page = await pullPage(ctx, enrolment, serverUrl, cursor)
    const applied = await ctx.db.transaction().execute((trx) => applyPage(trx, ctx, page))
    counts.households += applied.households
    counts.skipped += applied.skipped
    counts.villages = applied.villages
    if (!page.hasMore || page.nextCursor <= cursor) return counts
    cursor = page.nextCursor
  }
}

async function applyPage(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  page: SyncPull,
): Promise<PullCounts> {
  const at = new Date(ctx.clock.now()).toISOString()
  const counts: PullCounts = { households: 0, skipped: 0, villages: page.villages.length }
  await saveVillageRegister(
    trx,
    page.villages.map((v) => ({ villageCode: v.code, registered: v.registeredHouseholds })),
    at,
  )
  for (const household of page.households) {
    const outcome = await applyHousehold(trx, ctx, household, at)
    if (outcome === 'stored') counts.households += 1
    else if (outcome === 'kept_local') counts.skipped += 1
  }
  await setSetting(trx, 'open_conflicts', String(page.conflicts.length))
  await setSetting(trx, 'pull_cursor', String(page.nextCursor))
  return counts
}

type PullOutcome = 'stored' | 'kept_local' | 'unchanged'

/**
 * Stores a household another device of the commune changed (or the server merged), as a
 * local save would, but without an outbox revision: the pulled revision becomes the base
 * of the next local edit. A household with unsent or rejected local work or an open draft
 * keeps its local state: its next upload is what the server merges.
 */
async function applyHousehold(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  pulled: PulledHousehold,
  at: string,
): Promise<PullOutcome> {
  const existing = await findHousehold(trx, pulled.id)
  if (existing?.latest_revision_id === pulled.revisionId) return 'unchanged'
  if (existing && (await hasLocalWork(trx, pulled.id, existing.sync_state))) return 'kept_local'
  const form = localFormOrNull(pulled.formId, pulled.formVersion)
  if (!form) {
    // A form version this build cannot read: keep what is here until the app is updated.
    ctx.log.info('sync_pull_unknown_form', { formId: pulled.formId, version: pulled.formVersion })
    return 'kept_local'
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

/**
 * Keeps the pulled state in the local history as a revision already on the server (status
 * sent, so it is never uploaded): the household's latest revision is what the household
 * screen opens and what the next edit is based on. The pulled state may be a merge of
 * several devices' revisions, so it is attributed to the server. A revision this laptop
 * already holds (its own, echoed back) is not written twice.
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
  if (await findRevision(trx, pulled.revisionId)) return
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
