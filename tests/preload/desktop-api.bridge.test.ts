import { describe, expect, it } from 'vitest'
import { buildDesktopApi } from '../../src/preload/desktop-api.bridge'
import { IPC_CALLS } from '../../src/shared/api/ipc.contract'

describe('buildDesktopApi', () => {
  it('exposes exactly one function per IPC call', () => {
    const api = buildDesktopApi(async () => ({ ok: true, data: null }))
    expect(Object.keys(api).sort()).toEqual([...IPC_CALLS].sort())
    for (const name of IPC_CALLS) expect(typeof api[name]).toBe('function')
  })

  it('forwards the call name and input unchanged and answers what the main process answered', async () => {
    const calls: [string, unknown][] = []
    const api = buildDesktopApi(async (name, input) => {
      calls.push([name, input])
      return { ok: false, error: { code: 'not_found', message: 'household not found' } }
    })
    const id = '019ab5e6-6c00-7000-8000-00000000beef'
    const answer = await api['households.get']({ id })
    expect(calls).toEqual([['households.get', { id }]])
    expect(answer).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'household not found' },
    })
  })

  it('cannot be altered by the page', () => {
    const api = buildDesktopApi(async () => ({ ok: true, data: null }))
    expect(Object.isFrozen(api)).toBe(true)
  })
})
