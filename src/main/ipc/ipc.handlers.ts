import type { ParsedInput } from '../../shared/api/contract'
import type { IpcCall, IpcContract, IpcOutput } from '../../shared/api/ipc.contract'
import { appInfoHandler } from '../app/app.handlers'
import type { MainContext } from '../context'
import { getDefaultFormHandler } from '../forms/forms.handlers'
import {
  getHouseholdHandler,
  listHouseholdsHandler,
  saveHouseholdHandler,
} from '../household/household.handlers'
import { listVillagesHandler } from '../places/places.handlers'
import { runSyncHandler, setServerUrlHandler, syncStatusHandler } from '../sync/sync.handlers'

/** A handler of one IPC call: a plain async function of the context and the parsed input. */
export type IpcHandler<N extends IpcCall> = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, N>,
) => Promise<IpcOutput<N>>

/** One handler per call of the contract; a missing or extra call is a type error. */
export type IpcHandlerMap = { [N in IpcCall]: IpcHandler<N> }

export const ipcHandlers: IpcHandlerMap = {
  'app.info': appInfoHandler,
  'places.listVillages': listVillagesHandler,
  'forms.getDefault': getDefaultFormHandler,
  'households.list': listHouseholdsHandler,
  'households.get': getHouseholdHandler,
  'households.save': saveHouseholdHandler,
  'sync.status': syncStatusHandler,
  'sync.setServerUrl': setServerUrlHandler,
  'sync.run': runSyncHandler,
}
