import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeMainContext, openMainContext } from '../../../src/main/context'
import type { KeyProvider } from '../../../src/main/crypto/key-provider'
import { fixedTestKeyProvider } from '../../../src/main/crypto/test-key-provider'
import { type KeyWrapper, wrappedKeyProvider } from '../../../src/main/crypto/wrapped-key-provider'
import { listHouseholds } from '../../../src/main/household/household.service'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

/**
 * Stands in for the OS key store (Electron safeStorage cannot run under Node): seals by
 * reversing and tagging, and can be switched off or made to fail.
 */
class FakeOsKeyStore implements KeyWrapper {
  isAvailable = true
  failUnwrap = false
  askRewrap = false
  wraps = 0
  async available() {
    return this.isAvailable
  }
  async wrap(secret: string) {
    this.wraps += 1
    return Buffer.from(`os:${[...secret].reverse().join('')}`)
  }
  async unwrap(sealed: Buffer) {
    if (this.failUnwrap) throw new Error('keyring locked')
    const text = sealed.toString()
    return { secret: [...text.slice(3)].reverse().join(''), rewrap: this.askRewrap }
  }
}

let t: TestMain
let os: FakeOsKeyStore

async function reopenWith(keyProvider: KeyProvider) {
  await closeMainContext(t.ctx)
  t.ctx = await openMainContext({ dbPath: t.dbPath, keyProvider, clock: t.clock, newId: t.ids })
  return t.ctx
}

beforeEach(async () => {
  os = new FakeOsKeyStore()
  t = await openTestMain({ keyProvider: wrappedKeyProvider(os) })
})

afterEach(async () => {
  await t.dispose()
})

describe('the wrapped data key', () => {
  it('is made once, stored only wrapped, and unwrapped on every later start', async () => {
    const wrapped = await getSetting(t.ctx.db, 'data_key_wrapped')
    expect(wrapped).not.toBeNull()
    expect(
      Buffer.from(wrapped ?? '', 'base64')
        .toString()
        .startsWith('os:'),
    ).toBe(true)
    await recordVisit(t.ctx, makeHouseholdResponse())

    await reopenWith(wrappedKeyProvider(os))

    expect(os.wraps).toBe(1)
    expect(await getSetting(t.ctx.db, 'data_key_wrapped')).toBe(wrapped)
    expect(await listHouseholds(t.ctx, { query: '0912345678' })).toHaveLength(1)
  })

  it('is wrapped again when the OS asks (its own key rotated), staying the same key', async () => {
    const before = await getSetting(t.ctx.db, 'data_key_wrapped')
    os.askRewrap = true
    await reopenWith(wrappedKeyProvider(os))
    expect(os.wraps).toBe(2)
    expect(await getSetting(t.ctx.db, 'data_key_wrapped')).toBe(before) // same key, same fake wrap
  })

  it('refuses to start when the OS key store is unavailable or cannot unwrap; never makes a new key', async () => {
    const wrapped = await getSetting(t.ctx.db, 'data_key_wrapped')
    await closeMainContext(t.ctx)
    os.failUnwrap = true
    const open = (provider: KeyProvider) =>
      openMainContext({ dbPath: t.dbPath, keyProvider: provider, clock: t.clock })
    await expect(open(wrappedKeyProvider(os))).rejects.toMatchObject({
      code: 'data_key_unavailable',
    })
    os.failUnwrap = false
    os.isAvailable = false
    await expect(open(wrappedKeyProvider(os))).rejects.toMatchObject({
      code: 'data_key_unavailable',
    })
    os.isAvailable = true
    t.ctx = await open(wrappedKeyProvider(os))
    expect(await getSetting(t.ctx.db, 'data_key_wrapped')).toBe(wrapped)
  })

  it('refuses a different key than the one the store was encrypted with', async () => {
    await closeMainContext(t.ctx)
    const other = openMainContext({ dbPath: t.dbPath, keyProvider: fixedTestKeyProvider('other') })
    await expect(other).rejects.toMatchObject({ code: 'data_key_mismatch' })
    t.ctx = await openMainContext({ dbPath: t.dbPath, keyProvider: wrappedKeyProvider(os) })
  })
})
