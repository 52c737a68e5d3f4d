import type { VillageSummary } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { listVillageSummaries } from '../household/household.service'

/** places.listVillages: the commune's villages with household and pending counts. */
export const listVillagesHandler = (ctx: MainContext): Promise<VillageSummary[]> =>
  listVillageSummaries(ctx)
