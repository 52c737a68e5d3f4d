import type { Sex } from '../../shared/vietnam/citizen-id'
import { type ProvinceProfile, southernSpelling } from './province-profile'
import { type SeedRandom, Weighted } from './seed-random'
import {
  type Culture,
  EDE,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  HOANG_HUYNH_SHARE,
  JRAI,
  KHMER,
  KINH_SURNAMES_COMMON,
  MALE_GIVEN,
  MALE_MIDDLE,
  MINORITY_NAMES,
  VU_VO_SHARE,
} from './vietnamese-names.data'

/** The name book of one province: surnames and full names for each people living there. */
export class NameBook {
  readonly #kinhSurnames: Weighted<string>
  readonly #tables = new Map<string, Weighted<string>>()

  constructor(profile: ProvinceProfile) {
    this.#kinhSurnames = new Weighted(kinhSurnames(profile))
  }

  /** A family name of the culture (for Ê Đê and Jrai, the clan name). */
  surname(random: SeedRandom, culture: Culture): string {
    switch (culture) {
      case 'kinh':
        return this.#kinhSurnames.draw(random)
      case 'jrai':
        return this.#table('jrai.clans', JRAI.clans).draw(random)
      case 'ede':
        return this.#table('ede.clans', EDE.clans).draw(random)
      case 'khmer':
        return this.#table('khmer', KHMER.surnames).draw(random)
      default:
        return this.#table(`${culture}.surnames`, MINORITY_NAMES[culture].surnames).draw(random)
    }
  }

  /** A full name as written on the citizen card, in the culture's order. */
  fullName(
    random: SeedRandom,
    person: { culture: Culture; sex: Sex; birthYear: number; surname: string },
  ): string {
    const { culture, sex, birthYear, surname } = person
    const male = sex === 'male'
    switch (culture) {
      case 'kinh':
        return `${surname} ${this.#kinhMiddle(random, male, birthYear)} ${kinhGiven(random, male, birthYear)}`
      case 'jrai':
        return `${surname} ${random.pick(male ? JRAI.male : JRAI.female)}`
      case 'ede':
        return male
          ? `Y ${random.pick(EDE.male)} ${surname}`
          : `H'${random.pick(EDE.female)} ${surname}`
      case 'khmer':
        return `${surname} ${random.pick(male ? KHMER.male : KHMER.female)}`
      default: {
        const names = MINORITY_NAMES[culture]
        const middle = this.#table(
          `${culture}.${sex}`,
          male ? names.maleMiddle : names.femaleMiddle,
        ).draw(random)
        // Younger people of these peoples are often given Kinh names.
        const given =
          birthYear >= 1990 && random.chance(0.5)
            ? kinhGiven(random, male, birthYear)
            : random.pick(male ? names.maleGiven : names.femaleGiven)
        return `${surname} ${middle} ${given}`
      }
    }
  }

  #kinhMiddle(random: SeedRandom, male: boolean, birthYear: number): string {
    const era = birthYear < 1970 ? 'old' : birthYear < 1995 ? 'mid' : 'young'
    const middle = this.#table(
      `kinh.${male ? 'm' : 'f'}.${era}`,
      (male ? MALE_MIDDLE : FEMALE_MIDDLE)[era],
    ).draw(random)
    // Some younger women carry two middle names ("Nguyễn Ngọc Bảo Anh").
    if (!male && era === 'young' && middle !== 'Thị' && random.chance(0.12)) {
      const second = random.pick(['Bảo', 'Khánh', 'Minh', 'Phương', 'Diệu', 'Hoài'])
      if (second !== middle) return `${middle} ${second}`
    }
    return middle
  }

  #table(key: string, weights: readonly (readonly [string, number])[]): Weighted<string> {
    let table = this.#tables.get(key)
    if (!table) {
      table = new Weighted(weights)
      this.#tables.set(key, table)
    }
    return table
  }
}

function kinhGiven(random: SeedRandom, male: boolean, birthYear: number): string {
  const lists = male ? MALE_GIVEN : FEMALE_GIVEN
  // Fashions change: older lists before 1975, newer after 1995, a blend in between.
  const youngShare = Math.min(1, Math.max(0, (birthYear - 1975) / 20))
  return random.pick(random.chance(youngShare) ? lists.young : lists.old)
}

/** Kinh surname weights of a region: Hoàng/Huỳnh and Vũ/Võ spelled as the region does. */
function kinhSurnames(profile: ProvinceProfile): [string, number][] {
  const south = southernSpelling(profile)
  const northCentral = profile.region === 'north_central'
  const huynh = south ? 0.8 : 0.04
  const vo = south ? 0.85 : northCentral ? 0.45 : 0.08
  const weights: [string, number][] = KINH_SURNAMES_COMMON.map(([name, weight]) => {
    if (name === 'Hồ' && (northCentral || profile.region === 'central')) return [name, weight * 2]
    if (south && ['Trương', 'Lâm', 'Châu', 'Lý', 'Huỳnh'].includes(name)) {
      return [name, weight * 1.8]
    }
    return [name, weight]
  })
  weights.push(
    ['Hoàng', HOANG_HUYNH_SHARE * (1 - huynh)],
    ['Huỳnh', HOANG_HUYNH_SHARE * huynh],
    ['Vũ', VU_VO_SHARE * (1 - vo)],
    ['Võ', VU_VO_SHARE * vo],
  )
  return weights
}
