import type { CallInput, CallName, CallOutput } from './contract'
import { appCalls } from './ipc/app.contract'
import { backupCalls } from './ipc/backup.contract'
import { deviceCalls } from './ipc/device.contract'
import { diagnosticsCalls } from './ipc/diagnostics.contract'
import { draftsCalls } from './ipc/drafts.contract'
import { formsCalls } from './ipc/forms.contract'
import { householdsCalls } from './ipc/households.contract'
import { placesCalls } from './ipc/places.contract'
import { syncCalls } from './ipc/sync.contract'
import { teamCalls } from './ipc/team.contract'

export * from './ipc/app.contract'
export * from './ipc/backup.contract'
export * from './ipc/device.contract'
export * from './ipc/diagnostics.contract'
export * from './ipc/drafts.contract'
export * from './ipc/forms.contract'
export * from './ipc/households.contract'
export * from './ipc/places.contract'
export * from './ipc/sync.contract'
export * from './ipc/team.contract'

/**
 * The desktop IPC contract: every call the renderer may make of the main process, merged
 * from the per-domain contracts in ./ipc/. The main process validates each input against
 * it; the preload exposes exactly these names.
 */
export const ipcContract = {
  ...appCalls,
  ...placesCalls,
  ...formsCalls,
  ...teamCalls,
  ...householdsCalls,
  ...draftsCalls,
  ...syncCalls,
  ...deviceCalls,
  ...backupCalls,
  ...diagnosticsCalls,
}

export type IpcContract = typeof ipcContract
export type IpcCall = CallName<IpcContract>
export type IpcInput<N extends IpcCall> = CallInput<IpcContract, N>
export type IpcOutput<N extends IpcCall> = CallOutput<IpcContract, N>
export const IPC_CALLS = Object.keys(ipcContract) as IpcCall[]
