import type { Kysely } from 'kysely'
import type { SyncPull } from '../../shared/api/http/sync.contract'
import type { SyncReport } from '../../shared/api/ipc.contract'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { MainContext } from '../context'
import type { Enrolment } from '../device/device-enrolment.repository'
import { localFormOrNull } from '../forms/local-forms'
import { rememberForms, storePulledForms } from '../forms/stored-forms.repository'
import { saveVillageRegister } from '../places/village-register.repository'
import { observeHlcStamps } from '../settings/device-clock'
import { getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'
import { listParkedHouseholds, parkHousehold, unparkHousehold } from './parked-household.repository'
import { applyPulledHousehold, type FormFinder } from './pulled-household'
import { pullPage } from './sync.client'

export { SERVER_DEVICE_ID } from './pulled-household'

export type PullCounts = SyncReport['pulled']

/**
 * Pulls the commune's changes since this laptop's cursor (DESIGN.md §5, principle 7), page
 * by page while the server has more. Each page is applied, and the cursor advanced, in one
 * transaction: a pull cut off midway resumes at the last applied page and never skips one.
 * Once caught up, server states left aside earlier (the household had local work since
 * sent or discarded) are applied.
 */
export async function pullChanges(
  ctx: MainContext,
  enrolment: Enrolment,
  serverUrl: string,
): Promise<PullCounts> {
  const counts: PullCounts = { households: 0, skipped: 0, villages: 0 }
  let cursor = Number((await getSetting(ctx.db, 'pull_cursor')) ?? '0')
  for (;;) {
    const page = await fetchPage(ctx, enrolment, serverUrl, cursor)
    const applied = await ctx.db.transaction().execute((trx) => applyPage(trx, ctx, page))
    rememberForms(ctx.db, applied.forms)
    counts.households += applied.households
    counts.skipped += applied.skipped
    counts.villages = applied.villages
    if (!page.hasMore || page.nextCursor <= cursor) break
    cursor = page.nextCursor
  }
  const resumed = await ctx.db.transaction().execute((trx) => applyParked(trx, ctx))
  counts.households += resumed.households
  counts.skipped = resumed.skipped
  return counts
}

/**
 * One page; asked again with every form definition when it lists a published version this
 * laptop lacks (the server sends definitions by itself only on a first pull).
 */
async function fetchPage(
  ctx: MainContext,
  enrolment: Enrolment,
  serverUrl: string,
  cursor: number,
): Promise<SyncPull> {
  const page = await pullPage(ctx, enrolment, serverUrl, cursor)
  const missing = page.forms.some((f) => !f.definition && !localFormOrNull(f.id, f.version, ctx.db))
  return missing ? pullPage(ctx, enrolment, serverUrl, cursor, { withDefinitions: true }) : page
}

interface AppliedPage extends PullCounts {
  /** The form definitions stored with the page, for the in-memory catalog once committed. */
  forms: FormDefinition[]
}

async function applyPage(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  page: SyncPull,
): Promise<AppliedPage> {
  const at = new Date(ctx.clock.now()).toISOString()
  const forms = await storePulledForms(trx, page.forms, at)
  const counts: AppliedPage = { households: 0, skipped: 0, villages: page.villages.length, forms }
  await saveVillageRegister(
    trx,
    page.villages.map((v) => ({ villageCode: v.code, registered: v.registeredHouseholds })),
    at,
  )
  await advanceClock(trx, ctx, page)
  const find = formFinder(ctx, forms)
  for (const household of page.households) {
    const outcome = await applyPulledHousehold(trx, ctx, household, find, at)
    if (outcome === 'stored') counts.households += 1
    if (outcome === 'kept_local' || outcome === 'unknown_form') {
      await parkHousehold(trx, ctx.cipher, household, at)
      counts.skipped += 1
    } else {
      await unparkHousehold(trx, household.id)
    }
  }
  await setSetting(trx, 'open_conflicts', String(page.conflicts.length))
  await setSetting(trx, 'pull_cursor', String(page.nextCursor))
  return counts
}

/**
 * Every stamp pulled moves this laptop's hybrid logical clock forward, so its next edit
 * sorts after the states it is based on (DESIGN.md §5, principle 2) even if its wall clock
 * is behind the other devices'.
 */
async function advanceClock(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  page: SyncPull,
): Promise<void> {
  const stamps = page.households.map((h) => h.hlc)
  const refused = await observeHlcStamps(trx, ctx.clock, ctx.deviceId, stamps)
  if (refused.length > 0) {
    // The laptop's clock is more than a day behind the commune's: flagged, not followed.
    ctx.log.info('sync_pull_stamps_ahead', { count: refused.length, first: refused[0] ?? null })
  }
}

/**
 * Applies parked server states whose household is free now (its local edit was sent, its
 * draft discarded, or its form version arrived); the rest stay parked.
 */
async function applyParked(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
): Promise<Pick<PullCounts, 'households' | 'skipped'>> {
  const at = new Date(ctx.clock.now()).toISOString()
  const find = formFinder(ctx, [])
  const counts = { households: 0, skipped: 0 }
  for (const parked of await listParkedHouseholds(trx, ctx.cipher)) {
    const outcome = await applyPulledHousehold(trx, ctx, parked, find, at)
    if (outcome === 'kept_local' || outcome === 'unknown_form') {
      counts.skipped += 1
      continue
    }
    if (outcome === 'stored') counts.households += 1
    await unparkHousehold(trx, parked.id)
  }
  return counts
}

/** Forms known here, plus the definitions of the page being applied (not yet in the catalog). */
function formFinder(ctx: MainContext, pulled: readonly FormDefinition[]): FormFinder {
  return (formId, version) =>
    localFormOrNull(formId, version, ctx.db) ??
    pulled.find((f) => f.id === formId && f.version === version) ??
    null
}
