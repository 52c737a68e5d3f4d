import type { SyncBatch } from '../../shared/api/http.contract'
import { formatHlc, hlcNodeFromId } from '../../shared/clock/hlc'
import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { type CommuneKit, communeKit } from './commune-kit'
import { generateHousehold, type PendingRevision } from './household-history'
import type { AreaPlan, CommunePlan } from './province-plan'
import { uuidAt } from './seed-ids'
import { SeedRandom } from './seed-random'
import { DAY_MS, MINUTE_MS, vietnamDayStart } from './visit-times'

/**
 * Generates a commune's households area by area (about a thousand households each, so that
 * memory stays bounded whatever the commune's size): every revision of the area's
 * households, stamped by the area laptop's clock in the order they were saved, and cut into
 * the batches the laptop sent when it synced (every few days, more often in towns). Pure:
 * the same plan gives the same batches, byte for byte.
 */

/** One area's households, as the batches its laptop sent. */
export interface AreaHouseholds {
  area: AreaPlan
  households: number
  /** Members on the rosters the households end with. */
  members: number
  visits: number
  revisions: number
  /** In the order they were sent; each batch's revisions in the order they were saved. */
  batches: SyncBatch[]
  /** When each batch arrived at the server (epoch ms), by batch id. */
  receivedAtMs: ReadonlyMap<string, number>
}

/** Every area of the commune in turn. */
export function* generateCommuneHouseholds(plan: CommunePlan): Generator<AreaHouseholds> {
  const kit = communeKit(plan)
  for (const area of plan.areas) yield generateArea(kit, area)
}

/** The households of one area and the batches its laptop sent. */
export function generateArea(kit: CommuneKit, area: AreaPlan): AreaHouseholds {
  const { plan } = kit
  const random = SeedRandom.of(plan.seed, 'area-visits', plan.commune.code, area.index)
  const { startMs, endMs } = plan.campaign
  const span = endMs - startMs
  // The area's first visits take 55–75 % of the campaign, village after village.
  const fromMs = startMs + random.int(0, 10) * DAY_MS
  const toMs = Math.max(fromMs + DAY_MS, startMs + span * random.between(0.55, 0.75))
  const total = area.villages.reduce((sum, v) => sum + v.households, 0)
  const areaTeam = area.teams.flat()
  const pending: PendingRevision[] = []
  let members = 0
  let visits = 0
  let before = 0
  area.villages.forEach((village, v) => {
    const share = (toMs - fromMs) / total
    const window = {
      fromMs: fromMs + Math.max(0, before - village.households * 0.3) * share,
      toMs: fromMs + Math.min(total, before + village.households * 1.3) * share,
    }
    before += village.households
    for (let index = 0; index < village.households; index++) {
      const household = generateHousehold(kit, {
        village,
        index,
        team: area.teams[v] ?? areaTeam,
        areaTeam,
        window,
      })
      pending.push(...household.revisions)
      members += household.members
      visits += household.visits
    }
  })
  const revisions = stampRevisions(plan, area, pending)
  const { batches, receivedAtMs } = syncBatches(plan, area, random, revisions)
  return {
    area,
    households: total,
    members,
    visits,
    revisions: revisions.length,
    batches,
    receivedAtMs,
  }
}

/**
 * The laptop's saves in time order, each stamped by its hybrid logical clock: strictly
 * increasing milliseconds on one device (two saves in the same millisecond cannot happen).
 */
function stampRevisions(
  plan: CommunePlan,
  area: AreaPlan,
  pending: PendingRevision[],
): HouseholdRevision[] {
  const ordered = pending
    .map((p, i) => [p, i] as const)
    .sort((a, b) => a[0].savedMs - b[0].savedMs || a[1] - b[1])
  const node = hlcNodeFromId(area.device.id)
  let last = 0
  return ordered.map(([p]) => {
    const ms = Math.max(p.savedMs, last + 1)
    last = ms
    return {
      id: p.id,
      householdId: p.householdId,
      visitId: p.visitId,
      baseRevisionId: p.baseRevisionId,
      deviceId: area.device.id,
      hlc: formatHlc({ ms, counter: 0, node }),
      communeCode: plan.commune.code,
      villageCode: p.villageCode,
      formId: defaultHouseholdForm.id,
      formVersion: defaultHouseholdForm.version,
      visitDate: p.visitDate,
      savedAt: new Date(ms).toISOString(),
      response: p.response,
      enumerator: { id: p.enumerator.id, name: p.enumerator.name },
    }
  })
}

const SYNC_EVERY_DAYS = { urban: [1, 3], rural: [2, 6], remote: [4, 10] } as const

/** The batches of a laptop that syncs every few days in the late afternoon or evening. */
function syncBatches(
  plan: CommunePlan,
  area: AreaPlan,
  random: SeedRandom,
  revisions: readonly HouseholdRevision[],
): { batches: SyncBatch[]; receivedAtMs: Map<string, number> } {
  const batches: SyncBatch[] = []
  const receivedAtMs = new Map<string, number>()
  const [minDays, maxDays] = plan.syncDays
    ? [plan.syncDays, plan.syncDays]
    : SYNC_EVERY_DAYS[plan.settlement]
  let next = 0
  let day = vietnamDayStart(
    Date.parse(revisions[0]?.savedAt ?? new Date(plan.campaign.startMs).toISOString()),
  )
  while (next < revisions.length) {
    const syncMs = day + random.int(16 * 60 + 30, 20 * 60 + 30) * MINUTE_MS + random.int(0, 59_999)
    const start = next
    while (
      next < revisions.length &&
      Date.parse((revisions[next] as HouseholdRevision).savedAt) < syncMs
    )
      next += 1
    if (next > start) {
      const batchId = uuidAt(random, syncMs)
      batches.push({
        batchId,
        deviceId: area.device.id,
        communeCode: plan.commune.code,
        sentAt: new Date(syncMs).toISOString(),
        revisions: revisions.slice(start, next),
      })
      receivedAtMs.set(batchId, syncMs + random.int(800, 40_000))
    }
    day += random.int(minDays, maxDays) * DAY_MS
  }
  return { batches, receivedAtMs }
}
