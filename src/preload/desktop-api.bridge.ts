import type { DesktopApi } from '../shared/api/desktop-api'
import type { IpcCall } from '../shared/api/ipc.contract'
import type { Result } from '../shared/result'

/** Sends one call to the main process: `ipcRenderer.invoke(IPC_CHANNEL, name, input)`. */
export type Invoke = (name: IpcCall, input: unknown) => Promise<unknown>

/**
 * The call names of the IPC contract. Listed here rather than read from `ipcContract` so
 * that the sandboxed preload bundles no schemas (and no zod); `satisfies` makes a missing
 * or unknown name a type error, and a test checks the list equals IPC_CALLS.
 */
const CALLS = {
  'app.info': true,
  'places.listVillages': true,
  'places.villageProgress': true,
  'forms.getDefault': true,
  'forms.get': true,
  'team.list': true,
  'team.add': true,
  'team.update': true,
  'team.setCurrent': true,
  'households.list': true,
  'households.get': true,
  'households.visits': true,
  'households.visit': true,
  'households.findDuplicates': true,
  'drafts.listOpen': true,
  'drafts.start': true,
  'drafts.get': true,
  'drafts.update': true,
  'drafts.finalize': true,
  'drafts.discard': true,
  'sync.status': true,
  'sync.setServerUrl': true,
  'sync.run': true,
  'sync.exportBatchFile': true,
  'sync.importReceiptFile': true,
  'device.status': true,
  'device.enrolWithCode': true,
  'device.enrolWithFile': true,
  'backup.overview': true,
  'backup.create': true,
  'backup.previewRestore': true,
  'backup.restore': true,
  'diagnostics.export': true,
} as const satisfies Record<IpcCall, true>

/** Every call the preload exposes. */
export const BRIDGED_CALLS = Object.keys(CALLS) as IpcCall[]

/**
 * Builds `window.api`: exactly one function per call of the IPC contract, each forwarding
 * its input unchanged (the main process validates it). Nothing else of Electron or Node
 * reaches the page. The object is frozen so the page cannot swap a function.
 */
export function buildDesktopApi(invoke: Invoke): DesktopApi {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
  for (const name of BRIDGED_CALLS) {
    api[name] = (input: unknown) => invoke(name, input) as Promise<Result<unknown>>
  }
  return Object.freeze(api) as DesktopApi
}
