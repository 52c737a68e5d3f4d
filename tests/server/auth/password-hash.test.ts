import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../../src/server/auth/password-hash'

const CHEAP = { N: 1024, r: 8, p: 1 }

describe('password hashing', () => {
  it('stores scrypt with its parameters, a random salt and the key', async () => {
    const hash = await hashPassword('mat-khau-du-dai-2025')
    const [scheme, N, r, p, salt, key] = hash.split('$')
    expect(scheme).toBe('scrypt')
    expect([Number(N), Number(r), Number(p)]).toEqual([
      DEFAULT_SCRYPT_PARAMS.N,
      DEFAULT_SCRYPT_PARAMS.r,
      DEFAULT_SCRYPT_PARAMS.p,
    ])
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16)
    expect(Buffer.from(key ?? '', 'base64url')).toHaveLength(32)
    expect(hash).not.toContain('mat-khau')
  })

  it('verifies the right password only', async () => {
    const hash = await hashPassword('mật khẩu có dấu 2025', CHEAP)
    expect(await verifyPassword('mật khẩu có dấu 2025', hash)).toBe(true)
    expect(await verifyPassword('mat khau co dau 2025', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('treats the same text typed in composed or decomposed Unicode as the same password', async () => {
    const composed = 'Hà Giang 2025!'.normalize('NFC')
    const hash = await hashPassword(composed, CHEAP)
    expect(await verifyPassword(composed.normalize('NFD'), hash)).toBe(true)
  })

  it('salts every hash differently', async () => {
    const a = await hashPassword('same password here', CHEAP)
    const b = await hashPassword('same password here', CHEAP)
    expect(a).not.toBe(b)
  })

  it('never matches a malformed stored hash', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$0$8$1$abc$def',
      'bcrypt$1$2$3$4$5',
      'scrypt$1024$8$1$$',
    ]) {
      expect(await verifyPassword('anything at all', stored)).toBe(false)
    }
  })

  it('asks for a rehash when the stored parameters are weaker than the current ones', async () => {
    expect(needsRehash(await hashPassword('x'.repeat(12), CHEAP))).toBe(true)
    expect(needsRehash(await hashPassword('x'.repeat(12)))).toBe(false)
    expect(needsRehash('garbage')).toBe(true)
  })
})
