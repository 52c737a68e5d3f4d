import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { listVillageSummaries, villageProgress } from './village-progress.service'

/** places.listVillages: the commune's villages with the laptop's progress counts. */
export const listVillagesHandler = (ctx: MainContext) => listVillageSummaries(ctx)

/** places.villageProgress: a village's counts and indicators so far. */
export const villageProgressHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'places.villageProgress'>,
) => villageProgress(ctx, input.villageCode)
