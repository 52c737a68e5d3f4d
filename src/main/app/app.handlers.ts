import type { IpcOutput } from '../../shared/api/ipc.contract'
import { vietnamDate } from '../../shared/clock/clock'
import type { MainContext } from '../context'
import { localPlaces } from '../places/village-catalog'

/** app.info: which device this is, its commune, and today's date in Vietnam. */
export const appInfoHandler = async (ctx: MainContext): Promise<IpcOutput<'app.info'>> => {
  const places = await localPlaces(ctx.db)
  return {
    deviceId: ctx.deviceId,
    communeCode: places.commune.code,
    communeName: places.commune.name,
    provinceName: places.province.name,
    today: vietnamDate(ctx.clock.now()),
  }
}
