import { describe, expect, it } from 'vitest'
import { checkPhone } from '../../../src/shared/vietnam/phone'

describe('checkPhone', () => {
  it('accepts national mobile numbers with separators', () => {
    expect(checkPhone('0912 345 678')).toEqual({
      ok: true,
      normalized: '0912345678',
      knownPrefix: true,
    })
    expect(checkPhone('038.123.4567')).toEqual({
      ok: true,
      normalized: '0381234567',
      knownPrefix: true,
    })
  })

  it('normalises +84 and 84 to the national form', () => {
    expect(checkPhone('+84 912 345 678')).toMatchObject({ ok: true, normalized: '0912345678' })
    expect(checkPhone('84912345678')).toMatchObject({ ok: true, normalized: '0912345678' })
  })

  it('flags unknown prefixes without rejecting them', () => {
    expect(checkPhone('0212345678')).toEqual({
      ok: true,
      normalized: '0212345678',
      knownPrefix: false,
    })
  })

  it('rejects wrong lengths and letters', () => {
    expect(checkPhone('091234567').ok).toBe(false)
    expect(checkPhone('09123456789').ok).toBe(false)
    expect(checkPhone('09123abc78').ok).toBe(false)
  })
})
