import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { FieldCipher, isSealed } from '../../../src/main/crypto/field-cipher'

const cipher = new FieldCipher(randomBytes(32))

describe('FieldCipher', () => {
  it('seals text in the versioned format and opens it with the same binding', () => {
    const sealed = cipher.seal('0912345678 Nguyễn Văn Ánh', 'visits.response_json/1')
    expect(sealed.startsWith('enc1:')).toBe(true)
    expect(isSealed(sealed)).toBe(true)
    expect(isSealed('{"answers":{}}')).toBe(false)
    expect(sealed).not.toContain('0912345678')
    expect(cipher.open(sealed, 'visits.response_json/1')).toBe('0912345678 Nguyễn Văn Ánh')
    expect(cipher.openJson(cipher.sealJson({ a: [1] }, 'x'), 'x')).toEqual({ a: [1] })
  })

  it('never seals the same text to the same bytes', () => {
    expect(cipher.seal('0912345678', 'b')).not.toBe(cipher.seal('0912345678', 'b'))
  })

  it('refuses a value moved to another row, altered bytes, another key or clear text', () => {
    const sealed = cipher.seal('008080001234', 'members.answers_json/a')
    expect(() => cipher.open(sealed, 'members.answers_json/b')).toThrow(
      expect.objectContaining({ code: 'data_unreadable' }),
    )
    const bytes = Buffer.from(sealed.slice(5), 'base64')
    bytes[20] = (bytes[20] ?? 0) ^ 1
    const altered = `enc1:${bytes.toString('base64')}`
    expect(() => cipher.open(altered, 'members.answers_json/a')).toThrow(
      expect.objectContaining({ code: 'data_unreadable' }),
    )
    const other = new FieldCipher(randomBytes(32))
    expect(() => other.open(sealed, 'members.answers_json/a')).toThrow(
      expect.objectContaining({ code: 'data_unreadable' }),
    )
    expect(() => cipher.open('{"clear":true}', 'x')).toThrow(
      expect.objectContaining({ code: 'data_unreadable' }),
    )
  })

  it('makes keyed hashes: equal for equal values and kinds, different across kinds and keys', () => {
    const a = cipher.blindIndex('phone', '0912345678')
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(cipher.blindIndex('phone', '0912345678')).toBe(a)
    expect(cipher.blindIndex('citizen_id', '0912345678')).not.toBe(a)
    expect(cipher.blindIndex('phone', '0912345679')).not.toBe(a)
    expect(new FieldCipher(randomBytes(32)).blindIndex('phone', '0912345678')).not.toBe(a)
  })

  it('accepts only a 32-byte key', () => {
    expect(() => new FieldCipher(randomBytes(16))).toThrow(
      expect.objectContaining({ code: 'data_key_unavailable' }),
    )
  })
})
