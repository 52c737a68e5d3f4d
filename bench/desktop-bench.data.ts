import type { Answers, FormResponse, RepeatRow } from '../src/shared/forms/form-response.schema'
import { PILOT_COMMUNE } from '../src/shared/places/pilot-places'

/**
 * Synthetic but realistic households for the desktop benchmark: Vietnamese names with the
 * usual surname frequencies, 1–9 members (about 5 on average), phones and citizen ids for
 * most adults. Seeded, so every run builds the same store.
 */

export type Random = () => number

/** Drafts are dated today: ages (which decide the questions asked) count to this year. */
const VISIT_YEAR = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4))

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Phan', 4],
  ['Vũ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 1],
  ['Ngô', 1],
  ['Dương', 1],
  ['Lý', 1],
  ['Lò', 3],
  ['Hà', 3],
  ['Nông', 3],
  ['Triệu', 2],
  ['Ma', 1],
]
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Công', 'Văn']
const FEMALE_MIDDLE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Thị', 'Minh']
const MALE_GIVEN =
  'An Anh Bình Cường Dũng Đạt Đông Hải Hiếu Hùng Huy Khánh Khoa Long Lâm Mạnh Nam Phong Phúc Quân Sinh Sơn Tài Thắng Toàn Trung Tuấn Tư Vinh'.split(
    ' ',
  )
const FEMALE_GIVEN =
  'Anh Ánh Bích Chi Dung Duyên Giang Hà Hạnh Hằng Hoa Hương Lan Liên Linh Mai Na Ngân Nhung Oanh Phương Quỳnh Thảo Thu Trang Tuyết Uyên Vân Xuân Yến'.split(
    ' ',
  )
const HAMLETS = ['Khuổi My', 'Tả Lủng', 'Làng Mới', 'Nà Thác', 'Ngọc Hà', 'Bản Nà', 'Pác Bó']
const PHONE_PREFIXES = ['091', '098', '097', '086', '038', '035', '070', '083', '056', '034']

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function weighted(random: Random, items: readonly [string, number][]): string {
  const total = items.reduce((sum, [, w]) => sum + w, 0)
  let roll = random() * total
  for (const [item, w] of items) {
    roll -= w
    if (roll < 0) return item
  }
  return items[0]?.[0] ?? ''
}

function digits(random: Random, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(random() * 10)
  return s
}

/** A valid mobile number. */
export function phoneNumber(random: Random): string {
  return pick(random, PHONE_PREFIXES) + digits(random, 7)
}

function citizenId(random: Random, sex: 'male' | 'female', birthYear: number): string {
  const century = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0)
  return `008${century}${String(birthYear % 100).padStart(2, '0')}${digits(random, 6)}`
}

function personName(random: Random, surname: string, sex: 'male' | 'female'): string {
  const middle = pick(random, sex === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE)
  return `${surname} ${middle} ${pick(random, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN)}`
}

function memberAnswers(
  random: Random,
  m: { name: string; relation: string; sex: 'male' | 'female'; birthYear: number },
): Answers {
  const answers: Answers = {
    full_name: m.name,
    relation: m.relation,
    sex: m.sex,
    birth_year: m.birthYear,
    residence: random() < 0.9 ? 'permanent' : 'away',
  }
  const age = VISIT_YEAR - m.birthYear
  if (age >= 14 && random() < 0.7) answers.citizen_id = citizenId(random, m.sex, m.birthYear)
  if (age >= 15 && random() < 0.6) answers.mobile = phoneNumber(random)
  if (age < 10) return answers
  const smart = random() < 0.7
  return {
    ...answers,
    m_phone: smart ? 'smartphone' : pick(random, ['basic', 'none']),
    ...(smart ? {} : { m_no_smartphone_reason: pick(random, ['cost', 'cannot_use', 'no_need']) }),
    m_internet_3m: smart,
    m_vneid: pick(random, ['none', 'registered', 'level1', 'level2', 'level2']),
    m_public_service_12m: pick(random, ['self', 'assisted', 'no']),
    m_payment_accounts: random() < 0.6 ? ['bank'] : ['none'],
    m_cashless_30d: random() < 0.5,
    m_digital_signature: pick(random, ['yes', 'no', 'unknown']),
    m_ehealth: pick(random, ['yes', 'no', 'unknown']),
    m_skills: ['messaging', 'search', 'install_apps', 'payments'].slice(
      0,
      Math.floor(random() * 5),
    ),
    m_binh_dan_hoc_vu_so: random() < 0.3,
    ...(random() < 0.2 ? { m_support_given: ['install_vneid'] } : {}),
  }
}

/** One completed, consenting household of `size` members (1–9 when omitted). */
export function makeBenchHousehold(
  random: Random,
  newId: () => string,
  villageCode: string,
  size = 1 + Math.floor(random() * 9),
): FormResponse {
  const surname = weighted(random, SURNAMES)
  const headSex = random() < 0.8 ? 'male' : 'female'
  const headYear = 1940 + Math.floor(random() * 60)
  const people = [
    {
      name: personName(random, surname, headSex),
      relation: 'head',
      sex: headSex,
      birthYear: headYear,
    },
  ]
  for (let i = 1; i < size; i++) {
    const sex = random() < 0.5 ? 'male' : 'female'
    const spouse = i === 1
    const relation = spouse
      ? 'spouse'
      : pick(random, ['child', 'child', 'grandchild', 'parent', 'other'])
    const year = spouse
      ? headYear + Math.floor(random() * 6)
      : Math.min(2024, headYear + 20 + Math.floor(random() * 30))
    people.push({
      name: personName(random, spouse ? weighted(random, SURNAMES) : surname, sex),
      relation,
      sex,
      birthYear: year,
    })
  }
  const members: RepeatRow[] = people.map((p) => ({
    id: newId(),
    answers: memberAnswers(
      random,
      p as { name: string; relation: string; sex: 'male' | 'female'; birthYear: number },
    ),
  }))
  const internet = pick(random, ['fibre', 'fibre', 'other', 'none'])
  return {
    answers: {
      village: villageCode,
      address: `Số ${1 + Math.floor(random() * 200)}, xóm ${pick(random, HAMLETS)}`,
      head_name: people[0]?.name ?? '',
      visit_result: 'completed',
      consent: true,
      phone: phoneNumber(random),
      h_internet: internet,
      ...(internet === 'fibre' ? {} : { h_no_fibre_reason: ['cost'] }),
      h_mobile_signal: pick(random, ['good', 'weak']),
      h_business: false,
      h_support_needs: ['vneid'],
    },
    repeats: { members },
  }
}

/** The pilot villages, households spread evenly over them. */
export const BENCH_VILLAGES = PILOT_COMMUNE.villages.map((v) => v.code)
