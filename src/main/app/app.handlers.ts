import type { IpcOutput } from '../../shared/api/ipc.contract'
import { vietnamDate } from '../../shared/clock/clock'
import { PILOT_COMMUNE } from '../../shared/places/pilot-places'
import type { MainContext } from '../context'

/** app.info: which device this is, its commune, and today's date in Vietnam. */
export const appInfoHandler = async (ctx: MainContext): Promise<IpcOutput<'app.info'>> => ({
  deviceId: ctx.deviceId,
  communeCode: PILOT_COMMUNE.code,
  communeName: PILOT_COMMUNE.name,
  provinceName: PILOT_COMMUNE.provinceName,
  today: vietnamDate(ctx.clock.now()),
})
