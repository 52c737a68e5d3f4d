import { describe, expect, it } from 'vitest'
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatEnrolmentCode,
  hashEnrolmentSecret,
  isWellFormedCode,
  newEnrolmentCode,
  newEnrolmentToken,
  normaliseEnrolmentCode,
} from '../../../src/server/devices/enrolment-secret'

describe('enrolment secrets', () => {
  it('makes 12-character codes from the unambiguous alphabet only', () => {
    const codes = Array.from({ length: 200 }, newEnrolmentCode)
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH)
      expect(isWellFormedCode(code)).toBe(true)
    }
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('formats in groups of four and reads back whatever way it was typed', () => {
    expect(formatEnrolmentCode('7KQM3XATPW9D')).toBe('7KQM-3XAT-PW9D')
    expect(normaliseEnrolmentCode(' 7kqm-3xat pw9d ')).toBe('7KQM3XATPW9D')
    expect(isWellFormedCode(normaliseEnrolmentCode('7KQM-3XAT-PW9O'))).toBe(false)
  })

  it('hashes with the server pepper: same secret and pepper, same hash; another pepper, another', () => {
    const pepper = Buffer.alloc(32, 1)
    const hash = hashEnrolmentSecret(pepper, '7KQM3XATPW9D')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashEnrolmentSecret(pepper, '7KQM3XATPW9D')).toBe(hash)
    expect(hashEnrolmentSecret(Buffer.alloc(32, 2), '7KQM3XATPW9D')).not.toBe(hash)
  })

  it('makes long, prefixed file tokens', () => {
    const token = newEnrolmentToken()
    expect(token).toMatch(/^lset_[A-Za-z0-9_-]{43}$/)
    expect(newEnrolmentToken()).not.toBe(token)
  })
})
