import type { IpcOutput, VillageSummary } from '../../shared/api/ipc.contract'
import { indicatorValues } from '../../shared/indicators/compute-indicators'
import type { MainContext } from '../context'
import { countDraftsByVillage } from '../drafts/draft.repository'
import {
  countHouseholdsByVillage,
  type VillageCounts,
  villageContributions,
} from '../household/household.repository'
import { localIndicators } from '../indicators/indicator-contributions'
import { sumStoredContributions } from '../indicators/stored-contribution'
import { localVillages, requireVillage } from './village-catalog'
import { registeredByVillage } from './village-register.repository'

/** The commune's villages with the laptop's progress in each. */
export async function listVillageSummaries(ctx: MainContext): Promise<VillageSummary[]> {
  const counts = new Map((await countHouseholdsByVillage(ctx.db)).map((c) => [c.villageCode, c]))
  const drafts = await countDraftsByVillage(ctx.db)
  const registered = await registeredByVillage(ctx.db)
  return (await localVillages(ctx.db)).map((v) =>
    summarize(v, counts.get(v.code), drafts.get(v.code) ?? 0, registered.get(v.code) ?? null),
  )
}

/**
 * A village's progress and indicators so far: the shared indicator function over each
 * household's latest completed visit, summed from the contributions stored at save time.
 * Coverage is over the village register; without one its value is unknown (null).
 */
export async function villageProgress(
  ctx: MainContext,
  villageCode: string,
): Promise<IpcOutput<'places.villageProgress'>> {
  const village = await requireVillage(ctx.db, villageCode)
  const [counts] = await countHouseholdsByVillage(ctx.db, villageCode)
  const drafts = (await countDraftsByVillage(ctx.db)).get(villageCode) ?? 0
  const registered = (await registeredByVillage(ctx.db)).get(villageCode) ?? null
  const total = sumStoredContributions(
    localIndicators,
    await villageContributions(ctx.db, villageCode),
  )
  return {
    village: summarize(village, counts, drafts, registered),
    indicators: indicatorValues(localIndicators, total, registered ?? 0),
  }
}

function summarize(
  village: { code: string; name: string },
  counts: VillageCounts | undefined,
  drafts: number,
  registered: number | null,
): VillageSummary {
  const households = counts?.households ?? 0
  return {
    code: village.code,
    name: village.name,
    registered,
    households,
    completed: counts?.completed ?? 0,
    absent: counts?.absent ?? 0,
    refused: counts?.refused ?? 0,
    moved: counts?.moved ?? 0,
    notVisited: registered === null ? null : Math.max(0, registered - households),
    pending: counts?.pending ?? 0,
    awaiting: counts?.awaiting ?? 0,
    drafts,
  }
}
