import { describe, expect, expectTypeOf, it } from 'vitest'
import { type IpcHandlerMap, ipcHandlers } from '../../../src/main/ipc/ipc.handlers'
import { IPC_CALLS, type IpcCall } from '../../../src/shared/api/ipc.contract'

describe('ipcHandlers', () => {
  it('has exactly one handler per call of the IPC contract', () => {
    expect(Object.keys(ipcHandlers).sort()).toEqual([...IPC_CALLS].sort())
    for (const name of IPC_CALLS) expect(typeof ipcHandlers[name]).toBe('function')
    // Checked by tsc: the map's keys are the contract's calls, no more, no fewer.
    expectTypeOf<keyof IpcHandlerMap>().toEqualTypeOf<IpcCall>()
  })
})
