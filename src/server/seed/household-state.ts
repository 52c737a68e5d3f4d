import type { DigitalState } from './digital-answers'
import type { Person } from './household-people'
import type { Region, Settlement } from './province-profile'
import { type SeedRandom, Weighted } from './seed-random'

/**
 * The household-level answers of a generated household (connectivity, business, needs,
 * contact phone, address) and how they change between visits. Fibre is common in towns and
 * lowland villages and rarer in the mountains; households of old people alone have it less.
 */

export interface HouseholdFacts {
  address: string | null
  wealth: number
  phone: string | null
  internet: 'fibre' | 'other' | 'none' | 'unknown'
  noFibreReasons: string[]
  signal: 'good' | 'weak' | 'none'
  business: boolean
  ecommerce: boolean
  qrPayment: boolean
  notes: string | null
}

const FIBRE: Record<Settlement, number> = { urban: 0.88, rural: 0.76, remote: 0.55 }
const SIGNAL: Record<Settlement, Weighted<HouseholdFacts['signal']>> = {
  urban: new Weighted([
    ['good', 93],
    ['weak', 7],
  ]),
  rural: new Weighted([
    ['good', 80],
    ['weak', 18],
    ['none', 2],
  ]),
  remote: new Weighted([
    ['good', 55],
    ['weak', 35],
    ['none', 10],
  ]),
}
const BUSINESS: Record<Settlement, number> = { urban: 0.3, rural: 0.2, remote: 0.12 }
const QR: Record<Settlement, number> = { urban: 0.75, rural: 0.5, remote: 0.3 }
const REASON_ORDER = ['no_infra', 'cost', 'no_need', 'other']
const NOTES = [
  'Hộ nghèo',
  'Hộ cận nghèo',
  'Người cao tuổi sống một mình',
  'Chủ hộ đi làm xa, vợ trả lời phỏng vấn',
  'Cần hỗ trợ cài VNeID cho bố mẹ',
  'Hẹn quay lại hướng dẫn thanh toán số',
  'Con cái đi làm ở khu công nghiệp',
  'Gia đình chính sách',
]
const STREETS = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Quang Trung',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Nguyễn Du',
  'Phan Bội Châu',
  'Lê Duẩn',
  'Hùng Vương',
  'Võ Thị Sáu',
  'Điện Biên Phủ',
  'Nguyễn Văn Cừ',
  'Bà Triệu',
  'Trường Chinh',
  'Nguyễn Huệ',
]

/** A household's address within its village, as team members write it (some leave it out). */
export function drawAddress(
  random: SeedRandom,
  settlement: Settlement,
  region: Region,
): string | null {
  if (random.chance(0.08)) return null
  const house = random.int(1, 320)
  if (settlement === 'urban') {
    const street = random.pick(STREETS)
    return random.chance(0.4)
      ? `Số ${house}, ngõ ${random.int(2, 180)}, đường ${street}`
      : `Số ${house} ${street}`
  }
  if (region === 'south') return `Số ${house}, tổ ${random.int(1, 15)}`
  return random.chance(0.5)
    ? `Xóm ${random.int(1, 12)}`
    : `Số nhà ${house}, xóm ${random.int(1, 12)}`
}

/** The household facts at its first full visit, from its people's situation. */
export function firstFacts(
  random: SeedRandom,
  people: readonly Person[],
  settlement: Settlement,
  wealth: number,
  address: string | null,
): HouseholdFacts {
  const digital = people.map((p) => p.digital)
  const youngSmart = people.some(
    (p, i) => p.residence !== 'away' && digital[i]?.phone === 'smartphone' && p.birthYear >= 1980,
  )
  const elderlyOnly = people.every((p) => p.birthYear <= 1965)
  const fibre =
    FIBRE[settlement] +
    (wealth - 0.5) * 0.3 +
    (youngSmart ? 0.05 : -0.15) -
    (elderlyOnly ? 0.25 : 0)
  const roll = random.next()
  const internet: HouseholdFacts['internet'] =
    roll < fibre
      ? 'fibre'
      : roll < fibre + 0.03
        ? 'other'
        : roll < fibre + (elderlyOnly ? 0.11 : 0.05)
          ? 'unknown'
          : 'none'
  const business = random.chance(BUSINESS[settlement] + (wealth - 0.5) * 0.2)
  const facts: HouseholdFacts = {
    address,
    wealth,
    phone: null,
    internet,
    noFibreReasons: internet === 'fibre' ? [] : noFibreReasons(random, settlement),
    signal: SIGNAL[settlement].draw(random),
    business,
    ecommerce:
      business && random.chance(0.12 + (youngSmart ? 0.2 : 0) + (settlement === 'urban' ? 0.1 : 0)),
    qrPayment: business && random.chance(QR[settlement] + (youngSmart ? 0.1 : -0.1)),
    notes: random.chance(0.06) ? random.pick(NOTES) : null,
  }
  facts.phone = contactPhone(random, people)
  return facts
}

function noFibreReasons(random: SeedRandom, settlement: Settlement): string[] {
  if (!random.chance(0.85)) return []
  const remote = settlement === 'remote'
  const chances: Record<string, number> = remote
    ? { no_infra: 0.55, cost: 0.35, no_need: 0.25, other: 0.05 }
    : { no_infra: 0.1, cost: 0.4, no_need: 0.45, other: 0.05 }
  const picked = REASON_ORDER.filter((reason) => random.chance(chances[reason] ?? 0))
  return picked.length > 0 ? picked : [remote ? 'no_infra' : 'no_need']
}

/** The household's contact number: the head's mobile, else the spouse's, else anyone's. */
export function contactPhone(random: SeedRandom, people: readonly Person[]): string | null {
  const withPhone = (relation: string) =>
    people.find((p) => p.relation === relation && p.mobile)?.mobile
  const phone =
    withPhone('head') ?? withPhone('spouse') ?? people.find((p) => p.mobile)?.mobile ?? null
  return phone && random.chance(0.92) ? phone : null
}

/** The facts at a later visit, `months` after the previous one. */
export function laterFacts(
  random: SeedRandom,
  facts: HouseholdFacts,
  months: number,
): HouseholdFacts {
  const next = { ...facts }
  const canConnect = !facts.noFibreReasons.includes('no_infra')
  if (next.internet !== 'fibre' && canConnect && random.chance(0.025 * months)) {
    next.internet = 'fibre'
    next.noFibreReasons = []
  }
  if (next.business && !next.qrPayment && random.chance(0.04 * months)) next.qrPayment = true
  return next
}

/** What support the household asks for, from its members' gaps (choice values in form order). */
export function supportNeeds(
  random: SeedRandom,
  people: readonly Person[],
  visitYear: number,
): string[] {
  const adults = people.filter(
    (p): p is Person & { digital: DigitalState } =>
      p.digital !== null && p.residence !== 'away' && visitYear - p.birthYear >= 15,
  )
  const any = (test: (d: DigitalState) => boolean) => adults.some((p) => test(p.digital))
  const needs: string[] = []
  if (any((d) => d.vneid !== 'level2') && random.chance(0.75)) needs.push('vneid')
  if (any((d) => d.vneid === 'level2' && d.publicService === 'no') && random.chance(0.35)) {
    needs.push('public_services')
  }
  if (any((d) => d.paymentAccounts.includes('none') && d.phone !== 'none') && random.chance(0.5)) {
    needs.push('payments')
  }
  if (any((d) => d.phone === 'smartphone' && d.skills.length < 4) && random.chance(0.35))
    needs.push('skills')
  if (any((d) => d.phone === 'smartphone') && random.chance(0.25)) needs.push('scam_safety')
  if (random.chance(0.02)) needs.push('other')
  return needs
}
