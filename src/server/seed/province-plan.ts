import { formatVillageCode } from '../../shared/places/village-code'
import { villageNameKey } from '../../shared/places/village-name'
import {
  communesOf,
  findProvince,
  type OfficialCommune,
  type OfficialProvince,
} from '../places/official-units'
import {
  type ProvinceProfile,
  provinceProfile,
  type Settlement,
  settlementOf,
} from './province-profile'
import { type Campaign, campaignOf } from './seed-campaign'
import { SeedError } from './seed-errors'
import { seededDevicePublicKey, uuidAt } from './seed-ids'
import { SeedRandom } from './seed-random'
import { NameBook } from './vietnamese-names'
import { villageNames } from './village-names'
import { DAY_MS } from './visit-times'

/**
 * The reference data of a generated province, before any household: which communes take
 * part, their villages (names, households, registered households), and the areas the
 * generator works through one at a time — consecutive villages of about a thousand
 * households served by one laptop and its team members. Pure: the same options give the
 * same plan.
 */

/** Households per area at most (a village larger than that is an area of its own). */
export const AREA_HOUSEHOLDS = 1000

export interface PlanOptions {
  seed: string
  provinceCode: string
  households: number
  /** Communes taking part; by default one per 2,500 households, at most 100. */
  communes?: number
  /** First day of the survey campaign (Vietnam time), YYYY-MM-DD. */
  startDate: string
  months: number
  /** Days between a laptop's syncs; by default 1–3 in towns, 2–6 in the countryside, 4–10 in the mountains. */
  syncDays?: number
}

export interface VillagePlan {
  /** Position in the commune's plan (1-based): the code's serial in an empty commune. */
  serial: number
  name: string
  /** The village's code in the store (formatVillageCode(commune, serial) until stored). */
  code: string
  /** Households the generator makes in the village. */
  households: number
  /** Households the village registers (the coverage denominator): a few not reached yet. */
  registered: number
}

export interface TeamMember {
  id: string
  name: string
}

export interface AreaPlan {
  index: number
  villages: readonly VillagePlan[]
  /** The team members of each village of the area, in the same order (first is the lead). */
  teams: readonly (readonly TeamMember[])[]
  device: { id: string; name: string; publicKey: string; enrolledAtMs: number }
}

export interface CommunePlan {
  seed: string
  province: OfficialProvince
  profile: ProvinceProfile
  commune: OfficialCommune
  settlement: Settlement
  /** This commune's place among the plan's communes, and their number (id number ranges). */
  ordinal: number
  communeCount: number
  households: number
  villages: readonly VillagePlan[]
  areas: readonly AreaPlan[]
  campaign: Campaign
  /** Days between a laptop's syncs when fixed (else by settlement). */
  syncDays: number | null
}

export interface ProvincePlan {
  seed: string
  province: OfficialProvince
  campaign: Campaign
  households: number
  communes: readonly CommunePlan[]
}

/** Households per commune when the number of communes is not given. */
const HOUSEHOLDS_PER_COMMUNE = 2500
const MAX_DEFAULT_COMMUNES = 100

/** The plan of a province: communes chosen by the seed, households shared among them. */
export function planProvince(options: PlanOptions): ProvincePlan {
  const province = findProvince(options.provinceCode)
  if (!province) throw new SeedError('seed_province_unknown', `No province ${options.provinceCode}`)
  if (!Number.isInteger(options.households) || options.households < 1) {
    throw new SeedError('seed_invalid_option', 'households must be a whole number of at least 1')
  }
  const all = communesOf(province.code)
  const wanted =
    options.communes ??
    Math.min(
      MAX_DEFAULT_COMMUNES,
      Math.max(1, Math.round(options.households / HOUSEHOLDS_PER_COMMUNE)),
    )
  if (
    options.syncDays !== undefined &&
    !(Number.isInteger(options.syncDays) && options.syncDays >= 1 && options.syncDays <= 365)
  ) {
    throw new SeedError('seed_invalid_option', 'sync days must be a whole number from 1 to 365')
  }
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > all.length) {
    throw new SeedError(
      'seed_invalid_option',
      `communes must be from 1 to ${all.length} (the communes of ${province.name})`,
    )
  }
  const count = Math.min(wanted, options.households)
  const random = SeedRandom.of(options.seed, 'province', province.code)
  const chosen = random
    .shuffled(all)
    .slice(0, count)
    .sort((a, b) => a.code.localeCompare(b.code))
  const weights = chosen.map((c) => (c.kind === 'ward' ? 1.6 : 1) * random.between(0.6, 1.5))
  const shares = apportion(options.households, weights)
  const campaign = campaignOf(options.startDate, options.months)
  const communes = chosen.map((commune, ordinal) =>
    planCommune({
      seed: options.seed,
      province,
      commune,
      households: shares[ordinal] ?? 0,
      ordinal,
      communeCount: count,
      campaign,
      ...(options.syncDays === undefined ? {} : { syncDays: options.syncDays }),
    }),
  )
  return { seed: options.seed, province, campaign, households: options.households, communes }
}

export interface CommuneOptions {
  seed: string
  province: OfficialProvince
  commune: OfficialCommune
  households: number
  campaign: Campaign
  /** Place among the seeded communes (0 and 1 for a commune generated alone). */
  ordinal?: number
  communeCount?: number
  syncDays?: number
}

/** The villages, areas, laptops and team members of one commune. */
export function planCommune(options: CommuneOptions): CommunePlan {
  const { seed, province, commune, households, campaign } = options
  const profile = provinceProfile(province.code)
  const settlement = settlementOf(profile, commune)
  const random = SeedRandom.of(seed, 'commune', commune.code)
  const averageSize = settlement === 'urban' ? 260 : settlement === 'rural' ? 190 : 110
  const villageCount = Math.max(1, Math.min(999, households, Math.round(households / averageSize)))
  const sizes = apportion(
    households,
    Array.from({ length: villageCount }, () => random.between(0.5, 1.6)),
  ).map((size) => Math.max(1, size))
  fixTotal(sizes, households)
  const names = villageNames(random.fork('villages'), profile, commune, villageCount)
  const villages = names.map(
    (name, i): VillagePlan => ({
      serial: i + 1,
      name,
      code: formatVillageCode(commune.code, i + 1),
      households: sizes[i] ?? 1,
      registered: (sizes[i] ?? 1) + Math.round((sizes[i] ?? 1) * random.between(0.01, 0.08)),
    }),
  )
  return {
    seed,
    province,
    profile,
    commune,
    settlement,
    ordinal: options.ordinal ?? 0,
    communeCount: options.communeCount ?? 1,
    households,
    villages,
    areas: planAreas(seed, profile, commune, villages, campaign),
    campaign,
    syncDays: options.syncDays ?? null,
  }
}

/** Consecutive villages of at most AREA_HOUSEHOLDS households, each with a laptop and a team. */
function planAreas(
  seed: string,
  profile: ProvinceProfile,
  commune: OfficialCommune,
  villages: readonly VillagePlan[],
  campaign: Campaign,
): AreaPlan[] {
  const groups: VillagePlan[][] = []
  let current: VillagePlan[] = []
  let size = 0
  for (const village of villages) {
    if (current.length > 0 && size + village.households > AREA_HOUSEHOLDS) {
      groups.push(current)
      current = []
      size = 0
    }
    current.push(village)
    size += village.households
  }
  if (current.length > 0) groups.push(current)

  const names = new NameBook(profile)
  const bare = commune.name.replace(/^(Xã|Phường|Đặc khu) /, '')
  return groups.map((group, index) => {
    const random = SeedRandom.of(seed, 'area', commune.code, index)
    const enrolledAtMs = campaign.startMs - random.int(3, 14) * DAY_MS + random.int(1, 9) * HOUR_MS
    const teams = group.map((village) =>
      Array.from({ length: village.households > 200 ? 2 : 1 }, () => {
        const sex = random.chance(0.45) ? ('female' as const) : ('male' as const)
        const birthYear = random.int(1968, 2002)
        const surname = names.surname(random, 'kinh')
        return {
          id: uuidAt(random, enrolledAtMs - random.int(1, 5) * DAY_MS),
          name: names.fullName(random, { culture: 'kinh', sex, birthYear, surname }),
        }
      }),
    )
    return {
      index,
      villages: group,
      teams,
      device: {
        id: uuidAt(random, enrolledAtMs),
        name: `Máy Tổ CNS ${bare} ${String(index + 1).padStart(2, '0')}`,
        publicKey: seededDevicePublicKey(random),
        enrolledAtMs,
      },
    }
  })
}

/** The plan with the village codes the store gave (by folded name); others keep theirs. */
export function withVillageCodes(
  plan: CommunePlan,
  codes: ReadonlyMap<string, string>,
): CommunePlan {
  const recode = (village: VillagePlan): VillagePlan => ({
    ...village,
    code: codes.get(villageNameKey(village.name)) ?? village.code,
  })
  return {
    ...plan,
    villages: plan.villages.map(recode),
    areas: plan.areas.map((area) => ({ ...area, villages: area.villages.map(recode) })),
  }
}

const HOUR_MS = 3_600_000

/** Splits a total in proportion to weights, the rounding left to the largest remainders. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (total * w) / sum)
  const result = exact.map(Math.floor)
  let left = total - result.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  for (const [, i] of order) {
    if (left <= 0) break
    result[i] = (result[i] ?? 0) + 1
    left -= 1
  }
  return result
}

/** Takes back from the largest parts what raising empty parts to 1 added. */
function fixTotal(sizes: number[], total: number): void {
  let excess = sizes.reduce((a, b) => a + b, 0) - total
  while (excess > 0) {
    const largest = sizes.indexOf(Math.max(...sizes))
    sizes[largest] = (sizes[largest] ?? 1) - 1
    excess -= 1
  }
}
