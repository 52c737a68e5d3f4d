import { performance } from 'node:perf_hooks'
import type { SyncBatch, SyncReceipt } from '../../shared/api/http.contract'
import { ManualClock } from '../../shared/clock/clock'
import { recordDeviceSync } from '../devices/device.repository'
import type { ServerContext } from '../server-context'
import { ingestBatch } from '../sync/ingest.service'
import { type AreaHouseholds, generateCommuneHouseholds } from './commune-households.generator'
import { planProvince } from './province-plan'
import { campaignOf } from './seed-campaign'
import { SeedError } from './seed-errors'
import {
  enrolLaptops,
  ensureProvince,
  type ProvinceSetup,
  SETUP_LEAD_MS,
  type SeedContext,
  storeVillages,
  VILLAGES_LEAD_MS,
} from './seed-reference.service'

/**
 * `seedProvince`: fills a provincial store with a generated province for testing and
 * benchmarks. Reference data first (setup if needed, villages, one enrolled laptop per
 * area), then every area's households through the real ingest, batch by batch as the
 * laptops sent them, the simulated clock set to each batch's arrival. Memory stays bounded:
 * one area (about a thousand households) is generated, ingested and dropped at a time.
 */

export interface SeedProvinceOptions {
  /** Households to generate in all (default 10,000). */
  households?: number
  /** Communes taking part (default: one per 2,500 households, at most 100). */
  communes?: number
  /** Same seed and options, same data (default 'lang-so'). */
  seed?: string
  /** The province to set up when the store has none (default 08, Tuyên Quang). */
  provinceCode?: string
  /** First day of the campaign, YYYY-MM-DD (default 2025-07-01) and its length in months (6). */
  startDate?: string
  months?: number
  /**
   * Days between a laptop's syncs (default: 1–3 in towns, 2–6 in the countryside, 4–10 in the
   * mountains). Longer gaps make fewer, larger batches: faster to seed a million households.
   */
  syncDays?: number
  /** First-run setup's admin (default quantri) and password (generated when absent). */
  adminUsername?: string
  adminPassword?: string
  /** The server address enrolment codes name (default http://127.0.0.1:8080). */
  serverUrl?: string
  /** Called after each area (about a thousand households). */
  onProgress?: (progress: SeedProgress) => void
}

export interface SeedProgress {
  households: number
  totalHouseholds: number
  revisions: number
  batches: number
  communesDone: number
  communes: number
  elapsedMs: number
}

export interface SeedReport {
  province: { code: string; name: string }
  setup: ProvinceSetup['created']
  communes: number
  villages: number
  laptops: number
  laptopsEnrolled: number
  teamMembers: number
  households: number
  members: number
  visits: number
  revisions: number
  batches: number
  accepted: number
  duplicate: number
  elapsedMs: number
  /** Time spent generating and ingesting households, for the households/s figure. */
  householdsMs: number
}

export const SEED_DEFAULTS = {
  households: 10_000,
  seed: 'lang-so',
  startDate: '2025-07-01',
  months: 6,
  adminUsername: 'quantri',
  serverUrl: 'http://127.0.0.1:8080',
} as const

/**
 * Seeds the store of `ctx` (its clock is not used: every time written is simulated from the
 * campaign's dates, so the same options write the same data). Throws SeedError on a bad
 * option, a store of another province, or a revision the server refused.
 */
export async function seedProvince(
  ctx: ServerContext,
  options: SeedProvinceOptions = {},
): Promise<SeedReport> {
  const started = performance.now()
  const seed = options.seed ?? SEED_DEFAULTS.seed
  const startDate = options.startDate ?? SEED_DEFAULTS.startDate
  const months = options.months ?? SEED_DEFAULTS.months
  // Checked before anything is written (setup must not happen for a run refused later).
  const campaign = campaignOf(startDate, months)
  const clock = new ManualClock(campaign.startMs - SETUP_LEAD_MS)
  const seedCtx: SeedContext = { ...ctx, clock }
  const households = options.households ?? SEED_DEFAULTS.households
  if (!Number.isInteger(households) || households < 1) {
    throw new SeedError('seed_invalid_option', 'households must be a whole number of at least 1')
  }
  const setup = await ensureProvince(seedCtx, {
    provinceCode: options.provinceCode,
    adminUsername: options.adminUsername ?? SEED_DEFAULTS.adminUsername,
    adminPassword: options.adminPassword,
  })
  const plan = planProvince({
    seed,
    provinceCode: setup.province.code,
    households,
    ...(options.communes === undefined ? {} : { communes: options.communes }),
    startDate,
    months,
    ...(options.syncDays === undefined ? {} : { syncDays: options.syncDays }),
  })
  clock.set(plan.campaign.startMs - VILLAGES_LEAD_MS)
  const communes = await storeVillages(seedCtx, plan.communes)
  const laptopsEnrolled = await enrolLaptops(
    seedCtx,
    communes,
    setup.admin,
    options.serverUrl ?? SEED_DEFAULTS.serverUrl,
  )

  const report: SeedReport = {
    province: { code: setup.province.code, name: setup.province.name },
    setup: setup.created,
    communes: communes.length,
    villages: communes.reduce((sum, c) => sum + c.villages.length, 0),
    laptops: communes.reduce((sum, c) => sum + c.areas.length, 0),
    laptopsEnrolled,
    teamMembers: communes.reduce(
      (sum, c) => sum + c.areas.reduce((n, a) => n + a.teams.flat().length, 0),
      0,
    ),
    households: 0,
    members: 0,
    visits: 0,
    revisions: 0,
    batches: 0,
    accepted: 0,
    duplicate: 0,
    elapsedMs: 0,
    householdsMs: 0,
  }
  const householdsStarted = performance.now()
  for (const [done, commune] of communes.entries()) {
    for (const area of generateCommuneHouseholds(commune)) {
      await ingestArea(seedCtx, area, report)
      options.onProgress?.({
        households: report.households,
        totalHouseholds: plan.households,
        revisions: report.revisions,
        batches: report.batches,
        communesDone: done,
        communes: communes.length,
        elapsedMs: performance.now() - householdsStarted,
      })
    }
  }
  report.householdsMs = performance.now() - householdsStarted
  report.elapsedMs = performance.now() - started
  return report
}

/** The area's batches, in the order sent, each arriving at its own simulated time. */
async function ingestArea(
  ctx: SeedContext,
  area: AreaHouseholds,
  report: SeedReport,
): Promise<void> {
  for (const batch of area.batches) {
    ctx.clock.set(area.receivedAtMs.get(batch.batchId) ?? Date.parse(batch.sentAt))
    const receipt = await ingestBatch(ctx, batch, {
      source: 'http',
      deviceCreatedAt: batch.sentAt,
      onStored: (trx, stored) => recordDeviceSync(trx, batch.deviceId, stored.receivedAt),
    })
    checkReceipt(batch, receipt)
    report.accepted += receipt.accepted
    report.duplicate += receipt.duplicate
    report.batches += 1
  }
  report.households += area.households
  report.members += area.members
  report.visits += area.visits
  report.revisions += area.revisions
}

/** A refused revision is a bug of the generator: stop with the server's reasons. */
function checkReceipt(batch: SyncBatch, receipt: SyncReceipt): void {
  const refused = receipt.outcomes.find((o) => o.status === 'rejected')
  if (!refused) return
  throw new SeedError(
    'seed_revision_rejected',
    `Batch ${batch.batchId}: revision ${refused.revisionId} refused: ${JSON.stringify(refused)}`,
  )
}
