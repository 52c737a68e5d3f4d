import type { Result } from '../result'
import type { IpcCall, IpcInput, IpcOutput } from './ipc.contract'

/**
 * What the preload exposes as `window.api`: one async function per IPC contract call,
 * answering a Result (errors never throw across the bridge).
 */
export type DesktopApi = {
  [K in IpcCall]: (input: IpcInput<K>) => Promise<Result<IpcOutput<K>>>
}

/** The single IPC channel every call travels on; the call name is its first argument. */
export const IPC_CHANNEL = 'langso:invoke'
