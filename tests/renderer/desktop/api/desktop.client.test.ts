import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeMainContext, type MainContext, openMainContext } from '../../../../src/main/context'
import { randomTestKeyProvider } from '../../../../src/main/crypto/test-key-provider'
import { dispatch } from '../../../../src/main/ipc/ipc.dispatch'
import { CallFailedError } from '../../../../src/renderer/common/errors/error.messages'
import { callMain } from '../../../../src/renderer/desktop/api/desktop.client'
import type { DesktopApi } from '../../../../src/shared/api/desktop-api'
import { IPC_CALLS } from '../../../../src/shared/api/ipc.contract'
import { ManualClock } from '../../../../src/shared/clock/clock'
import { PILOT_COMMUNE } from '../../../../src/shared/places/pilot-places'

/** window.api as the preload builds it, over the real main-process dispatch. */
function bridge(ctx: MainContext): DesktopApi {
  return Object.fromEntries(
    IPC_CALLS.map((name) => [name, (input: unknown) => dispatch(ctx, name, input)]),
  ) as DesktopApi
}

describe('callMain over the real main-process handlers', () => {
  let tmp: string
  let ctx: MainContext

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'langso-desktop-client-'))
    ctx = await openMainContext({
      dbPath: path.join(tmp, 'local.sqlite'),
      keyProvider: randomTestKeyProvider(),
      clock: new ManualClock(Date.parse('2025-11-24T18:00:00Z')),
    })
  })

  afterAll(async () => {
    if (ctx) await closeMainContext(ctx)
    await rm(tmp, { recursive: true, force: true })
  })

  it('unwraps the data of a call', async () => {
    const info = await callMain('app.info', {}, bridge(ctx))
    expect(info.communeName).toBe(PILOT_COMMUNE.name)
    // 18:00 UTC is already the next day in Vietnam.
    expect(info.today).toBe('2025-11-25')
  })

  it('throws the reason code of a failed call', async () => {
    const missing = '019ab5e6-6c00-7000-8000-0000000000ff'
    const failure = await callMain('households.get', { id: missing }, bridge(ctx)).catch(
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(CallFailedError)
    expect((failure as CallFailedError).code).toBe('not_found')
  })

  it('reports not_enrolled when syncing before the laptop is enrolled', async () => {
    const failure = await callMain('sync.run', {}, bridge(ctx)).catch((e: unknown) => e)
    expect((failure as CallFailedError).code).toBe('not_enrolled')
  })
})
