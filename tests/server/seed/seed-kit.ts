import {
  type AreaHouseholds,
  generateCommuneHouseholds,
} from '../../../src/server/seed/commune-households.generator'
import {
  type PlanOptions,
  type ProvincePlan,
  planProvince,
} from '../../../src/server/seed/province-plan'
import type { Answers } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'

/** Generated provinces for the seed tests: plans and every area's output, in memory. */

export interface Generated {
  plan: ProvincePlan
  areas: AreaHouseholds[]
  revisions: HouseholdRevision[]
}

export const BASE_PLAN: Omit<PlanOptions, 'provinceCode' | 'households'> = {
  seed: 'kiem-thu',
  startDate: '2025-07-01',
  months: 6,
}

/** Plans and generates a whole province (small numbers only: everything is kept). */
export function generateProvince(
  options: Partial<PlanOptions> & Pick<PlanOptions, 'provinceCode' | 'households'>,
): Generated {
  const plan = planProvince({ ...BASE_PLAN, ...options })
  const areas = plan.communes.flatMap((commune) => [...generateCommuneHouseholds(commune)])
  const revisions = areas.flatMap((area) => area.batches.flatMap((batch) => batch.revisions))
  return { plan, areas, revisions }
}

/** Each household's revisions in the order they were saved. */
export function byHousehold(
  revisions: readonly HouseholdRevision[],
): Map<string, HouseholdRevision[]> {
  const map = new Map<string, HouseholdRevision[]>()
  for (const revision of revisions) {
    const list = map.get(revision.householdId) ?? []
    list.push(revision)
    map.set(revision.householdId, list)
  }
  return map
}

/** The roster of each household's last full record (its current members). */
export function currentRosters(
  revisions: readonly HouseholdRevision[],
): { visitDate: string; members: Answers[] }[] {
  const rosters: { visitDate: string; members: Answers[] }[] = []
  for (const list of byHousehold(revisions).values()) {
    const last = [...list].reverse().find((r) => r.response.repeats.members)
    if (last)
      rosters.push({
        visitDate: last.visitDate,
        members: (last.response.repeats.members ?? []).map((row) => row.answers),
      })
  }
  return rosters
}

export const ageAt = (member: Answers, visitDate: string) =>
  Number(visitDate.slice(0, 4)) - Number(member.birth_year)
