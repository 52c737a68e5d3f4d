import type { CommuneKit } from './commune-kit'
import { type DigitalContext, initialDigital, laterDigital } from './digital-answers'
import type { Person } from './household-people'
import type { HouseholdFacts } from './household-state'
import { uuidAt } from './seed-ids'
import type { SeedRandom } from './seed-random'

/**
 * What a full record writes about each member beyond who they are: the roster row id (made
 * when first recorded, kept across visits), digital answers from age 10, a citizen id for
 * most (children's mostly from the household's own birth province), a mobile for most
 * phone owners; and how a later visit moves these on or fills in what was missing.
 */

/** The first full record: row ids, digital answers, citizen ids and mobiles of everyone. */
export function recordPeople(
  kit: CommuneKit,
  random: SeedRandom,
  people: Person[],
  savedMs: number,
  visitYear: number,
  context: DigitalContext,
  householdPrefix: string,
): void {
  for (const person of people) {
    const age = visitYear - person.birthYear
    person.rowId = uuidAt(random, savedMs)
    if (age >= 10) person.digital = initialDigital(random, age, person.aptitude, context)
    const idShare = age >= 14 ? (person.residence === 'away' ? 0.5 : 0.78) : 0.35
    if (random.chance(idShare))
      person.citizenId = citizenIdOf(kit, random, person, age, householdPrefix)
    if (person.digital && person.digital.phone !== 'none' && random.chance(age >= 15 ? 0.8 : 0.4)) {
      person.mobile = kit.numbers.mobile(random)
    }
  }
}

/** A later full record: everyone's answers move on; some blanks are filled in. */
export function updatePeople(
  kit: CommuneKit,
  random: SeedRandom,
  people: Person[],
  help: readonly (readonly string[])[],
  months: number,
  visitYear: number,
  context: DigitalContext,
  householdPrefix: string,
): void {
  people.forEach((person, i) => {
    const age = visitYear - person.birthYear
    if (person.digital)
      person.digital = laterDigital(random, person.digital, help[i] ?? [], months, age)
    else if (age >= 10) person.digital = initialDigital(random, age, person.aptitude, context)
    if (!person.citizenId && random.chance(0.15)) {
      person.citizenId = citizenIdOf(kit, random, person, age, householdPrefix)
    }
    if (!person.mobile && person.digital && person.digital.phone !== 'none' && random.chance(0.3)) {
      person.mobile = kit.numbers.mobile(random)
    }
  })
}

/** A same-day correction: the contact phone, else a citizen id, else a note. */
export function correctVisit(
  kit: CommuneKit,
  random: SeedRandom,
  facts: HouseholdFacts,
  people: Person[],
  householdPrefix: string,
): HouseholdFacts {
  const mobile = people.find((p) => p.mobile)?.mobile
  if (!facts.phone && mobile) return { ...facts, phone: mobile }
  const year = Number(kit.plan.campaign.startDate.slice(0, 4))
  const missing = people.find((p) => !p.citizenId && year - p.birthYear >= 14)
  if (missing) {
    missing.citizenId = citizenIdOf(kit, random, missing, year - missing.birthYear, householdPrefix)
    return facts
  }
  return { ...facts, notes: 'Đã kiểm tra lại thông tin với chủ hộ' }
}

/** Children are mostly born where the family lives; adults may come from elsewhere. */
function citizenIdOf(
  kit: CommuneKit,
  random: SeedRandom,
  person: Person,
  age: number,
  householdPrefix: string,
) {
  const prefix = age < 18 && random.chance(0.85) ? householdPrefix : kit.prefixes.draw(random)
  return kit.numbers.citizenId(prefix, person.sex, person.birthYear)
}
