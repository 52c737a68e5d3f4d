import { vietnamDate } from '../../shared/clock/clock'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import type { CommuneKit } from './commune-kit'
import { type DigitalContext, supportGiven } from './digital-answers'
import { drawPeople, type Person } from './household-people'
import { fullResponse, shortResponse, type VisitResult } from './household-response'
import {
  drawAddress,
  firstFacts,
  type HouseholdFacts,
  laterFacts,
  supportNeeds,
} from './household-state'
import { correctVisit, recordPeople, updatePeople } from './member-records'
import type { TeamMember, VillagePlan } from './province-plan'
import type { Settlement } from './province-profile'
import { uuidAt } from './seed-ids'
import { SeedRandom, Weighted } from './seed-random'
import { MINUTE_MS, type VisitTime, visitAfter, visitBetween } from './visit-times'

/**
 * One household's visits over the campaign. The first visit may find nobody home (the team
 * comes back a few days later), a refusal (sometimes won over later by another member), a
 * household that moved away, or a completed interview. A completed, consenting household is
 * recorded in full, the team helps where it can, and some households are visited again a
 * month or two later — where the help shows (VNeID activated, an account opened). Each save
 * is a revision based on the household's previous one; a few visits are corrected the same
 * day (a second revision of the visit).
 */

export interface HouseholdSpec {
  village: VillagePlan
  /** The household's number in its village (0-based). */
  index: number
  /** The village's team members (the first leads) and the whole area's. */
  team: readonly TeamMember[]
  areaTeam: readonly TeamMember[]
  /** First visits fall on days in [fromMs, toMs). */
  window: { fromMs: number; toMs: number }
}

/** A revision waiting for its device's clock stamp (given when the area's saves are ordered). */
export interface PendingRevision {
  savedMs: number
  id: string
  householdId: string
  visitId: string
  baseRevisionId: string | null
  villageCode: string
  visitDate: string
  response: FormResponse
  enumerator: TeamMember
}

export interface GeneratedHousehold {
  householdId: string
  revisions: PendingRevision[]
  visits: number
  /** Members on the roster the household ends with (0 without a full record). */
  members: number
}

type Stage = 'first' | 'absent' | 'refused' | 'no_consent' | 'full'

const FIRST_OUTCOME: Record<Settlement, Weighted<VisitResult>> = {
  urban: new Weighted([
    ['completed', 80],
    ['absent', 13],
    ['refused', 4.5],
    ['moved', 2.5],
  ]),
  rural: new Weighted([
    ['completed', 87],
    ['absent', 8.5],
    ['refused', 2.5],
    ['moved', 2],
  ]),
  remote: new Weighted([
    ['completed', 88],
    ['absent', 9],
    ['refused', 1.5],
    ['moved', 1.5],
  ]),
}
const AFTER_ABSENT = new Weighted<VisitResult>([
  ['completed', 72],
  ['absent', 22],
  ['refused', 3],
  ['moved', 3],
])
const MONTH_MS = 30.4 * 86_400_000

/**
 * A household's people and every revision of its visits. Its randomness is its own stream
 * (seed, commune, village, number); only the commune's id numbers carry on between households.
 */
export function generateHousehold(kit: CommuneKit, spec: HouseholdSpec): GeneratedHousehold {
  const { plan } = kit
  const random = SeedRandom.of(
    plan.seed,
    'household',
    plan.commune.code,
    spec.village.serial,
    spec.index,
  )
  const year = Number(plan.campaign.startDate.slice(0, 4))
  const people = drawPeople({
    random,
    names: kit.names,
    cultures: kit.cultures,
    settlement: plan.settlement,
    year,
  })
  const head = people[0] as Person
  const digitalContext: DigitalContext = { settlement: plan.settlement, wealth: random.next() }
  const address = drawAddress(random, plan.settlement, plan.profile.region)
  const householdPrefix = kit.prefixes.draw(random)

  let time = visitBetween(random, spec.window.fromMs, spec.window.toMs)
  const householdId = uuidAt(random, time.savedMs)
  const revisions: PendingRevision[] = []
  let facts: HouseholdFacts | null = null
  let help: string[][] = []
  let stage: Stage = 'first'
  let absences = 0
  let followUps = 0
  let lastFullMs = 0
  let enumerator = pickEnumerator(random, spec, null)
  let visits = 0

  const save = (savedMs: number, visitId: string, visitDate: string, response: FormResponse) => {
    revisions.push({
      savedMs,
      id: uuidAt(random, savedMs),
      householdId,
      visitId,
      baseRevisionId: revisions.at(-1)?.id ?? null,
      villageCode: spec.village.code,
      visitDate,
      response,
      enumerator,
    })
  }

  // The first visit always happens (every planned household is recorded); later ones only
  // within the campaign.
  while (visits === 0 || time.savedMs < plan.campaign.endMs) {
    visits += 1
    const visitId = uuidAt(random, time.startMs)
    const visitDate = vietnamDate(time.savedMs)
    const visitYear = Number(visitDate.slice(0, 4))
    const result = outcome(random, stage, plan.settlement)
    const consent =
      result === 'completed' &&
      (stage === 'full' || random.chance(stage === 'no_consent' ? 0.5 : 0.975))
    let next: VisitTime | null = null
    if (consent) {
      const months = lastFullMs === 0 ? 0 : (time.savedMs - lastFullMs) / MONTH_MS
      if (facts === null) {
        recordPeople(kit, random, people, time.savedMs, visitYear, digitalContext, householdPrefix)
        facts = firstFacts(random, people, plan.settlement, digitalContext.wealth, address)
      } else {
        updatePeople(kit, random, people, help, months, visitYear, digitalContext, householdPrefix)
        facts = laterFacts(random, facts, months)
      }
      const eagerness = followUps === 0 && stage !== 'full' ? 0.45 : 0.6
      help = people.map((p) =>
        p.digital && p.residence !== 'away'
          ? supportGiven(random, visitYear - p.birthYear, p.digital, eagerness)
          : [],
      )
      const needs = supportNeeds(random, people, visitYear)
      save(
        time.savedMs,
        visitId,
        visitDate,
        fullResponse(spec.village.code, facts, people, visitYear, needs, help),
      )
      if (random.chance(0.04)) {
        // Checked again before leaving: a missing phone or citizen id is added.
        facts = correctVisit(kit, random, facts, people, householdPrefix)
        const savedMs = time.savedMs + random.int(4, 40) * MINUTE_MS
        save(
          savedMs,
          visitId,
          visitDate,
          fullResponse(spec.village.code, facts, people, visitYear, needs, help),
        )
      }
      lastFullMs = time.savedMs
      const helped = help.some((h) => h.length > 0)
      const chance = (helped ? 0.55 : needs.length > 0 ? 0.22 : 0.06) * (followUps === 0 ? 1 : 0.3)
      if (followUps < 2 && random.chance(chance)) {
        followUps += 1
        next = visitAfter(random, time.savedMs, 20, 75)
      }
      stage = 'full'
    } else {
      save(
        time.savedMs,
        visitId,
        visitDate,
        shortResponse(spec.village.code, { address, headName: head.fullName }, result),
      )
      if (result === 'absent' && ++absences < 4) next = visitAfter(random, time.savedMs, 2, 14)
      else if (result === 'refused' && stage !== 'refused' && random.chance(0.35))
        next = visitAfter(random, time.savedMs, 15, 45)
      else if (result === 'completed' && stage !== 'no_consent' && random.chance(0.25))
        next = visitAfter(random, time.savedMs, 20, 60)
      stage = result === 'absent' ? 'absent' : result === 'refused' ? 'refused' : 'no_consent'
    }
    if (!next) break
    time = next
    enumerator = pickEnumerator(random, spec, enumerator)
  }
  return { householdId, revisions, visits, members: facts ? people.length : 0 }
}

function outcome(random: SeedRandom, stage: Stage, settlement: Settlement): VisitResult {
  switch (stage) {
    case 'first':
      return FIRST_OUTCOME[settlement].draw(random)
    case 'absent':
      return AFTER_ABSENT.draw(random)
    case 'refused':
      return random.chance(0.5) ? 'completed' : 'refused'
    default:
      return 'completed'
  }
}

/** Mostly the village's lead; a revisit is often made by the same person as before. */
function pickEnumerator(
  random: SeedRandom,
  spec: HouseholdSpec,
  previous: TeamMember | null,
): TeamMember {
  if (previous && random.chance(0.6)) return previous
  if (random.chance(0.75)) return spec.team[0] ?? random.pick(spec.areaTeam)
  return random.pick(random.chance(0.6) ? spec.team : spec.areaTeam)
}
