import { villageNameKey } from '../../shared/places/village-name'
import type { OfficialCommune } from '../places/official-units'
import type { ProvinceProfile } from './province-profile'
import type { SeedRandom } from './seed-random'

/**
 * Names of a commune's villages as they are written: "Tổ dân phố 3" / "Khu phố 3" in wards,
 * "Thôn Tân Lập" in the north and centre, "Ấp Phú Hòa" in the south, Tày-style "Bản Nà
 * Thác" in the northern mountains, "Buôn …" and "Làng …" beside "Thôn" in the Central
 * Highlands. Unique within the commune (by folded name, as the store requires).
 */

const HAN_FIRST =
  'Tân Đông Phú Yên An Hòa Xuân Thanh Minh Đồng Cao Trung Thượng Quyết Khánh Vĩnh Hưng Mỹ Phúc Bình Tiên Long Thái Hợp'.split(
    ' ',
  )
const HAN_SECOND =
  'Lập Thịnh Lộc Bình Hòa Sơn Tiến Thắng Lợi Phong Tâm Hưng Thành Long Xuân An Quang Mỹ Vinh Hà Trung Phú Hội Đoài'.split(
    ' ',
  )
const TAY_FIRST = 'Nà Khuổi Pác Cốc Lũng Phiêng Khau Nặm Tả Bó Co Vằng Nậm Huổi'.split(' ')
const TAY_SECOND =
  'Thác My Lùng Chang Pẻn Mạ Vài Đon Luông Tẩu Lầu Phầy Sáng Dầu Mò Hán Khiêng Cáy Rịa Pục'.split(
    ' ',
  )
const HIGHLAND =
  'Ko Sier|Kram|Ea Bông|Tơ Nung|Pan|Bông Hinh|Ea Tân|Plei Ơi|Plei Phun|Kon Hra|Ia Băng|Dơng|Tung|Krông'.split(
    '|',
  )

/** `count` distinct village names for the commune, in the order of their codes. */
export function villageNames(
  random: SeedRandom,
  profile: ProvinceProfile,
  commune: OfficialCommune,
  count: number,
): string[] {
  if (commune.kind === 'ward') {
    const word = profile.region === 'south' || random.chance(0.2) ? 'Khu phố' : 'Tổ dân phố'
    return Array.from({ length: count }, (_, i) => `${word} ${i + 1}`)
  }
  const candidates = namedVillages(random, profile)
  const names: string[] = []
  const taken = new Set<string>()
  const fallback = profile.region === 'south' ? 'Ấp' : 'Thôn'
  for (let i = 0; names.length < count; i++) {
    const name = candidates[i] ?? `${fallback} ${i - candidates.length + 1}`
    const key = villageNameKey(name)
    if (taken.has(key)) continue
    taken.add(key)
    names.push(name)
  }
  return names
}

/** Named villages in a seeded order; numbered ones follow when these run out. */
function namedVillages(random: SeedRandom, profile: ProvinceProfile): string[] {
  const han = (word: string) =>
    HAN_FIRST.flatMap((a) => HAN_SECOND.filter((b) => b !== a).map((b) => `${word} ${a} ${b}`))
  switch (profile.region) {
    case 'south':
      return random.shuffled(han('Ấp'))
    case 'north_mountain': {
      const tay = TAY_FIRST.flatMap((a) => TAY_SECOND.map((b) => `${a} ${b}`))
      return random
        .shuffled(tay)
        .map((name) => `${random.chance(0.4) ? 'Bản' : 'Thôn'} ${name}`)
        .concat(random.shuffled(han('Thôn')))
    }
    case 'highlands':
      return random
        .shuffled([
          ...HIGHLAND.map((name) => `${random.chance(0.5) ? 'Buôn' : 'Làng'} ${name}`),
          ...han('Thôn').slice(0, 120),
        ])
        .concat(random.shuffled(han('Thôn').slice(120)))
    default:
      return random.shuffled(han('Thôn'))
  }
}
