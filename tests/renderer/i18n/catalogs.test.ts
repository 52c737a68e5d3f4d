import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/i18n/en'
import { savedLocale } from '../../../src/renderer/i18n/i18n'
import { vi } from '../../../src/renderer/i18n/vi'
import { ISSUE_CODES } from '../../../src/shared/forms/validation-issue'

/** Every leaf of a catalog as `dotted.key -> text`. */
function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (typeof node !== 'object' || node === null) {
    out.set(prefix, node)
    return out
  }
  for (const [key, value] of Object.entries(node)) {
    for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v)
  }
  return out
}

const placeholders = (text: unknown) =>
  [...String(text).matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort()

describe('message catalogs', () => {
  const viLeaves = leaves(vi)
  const enLeaves = leaves(en)

  it('English has exactly the Vietnamese keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort())
  })

  it('has no empty message in either language', () => {
    for (const [catalog, entries] of [
      ['vi', viLeaves],
      ['en', enLeaves],
    ] as const) {
      const empty = [...entries].filter(
        ([, text]) => typeof text !== 'string' || text.trim() === '',
      )
      expect(empty.map(([key]) => `${catalog}:${key}`)).toEqual([])
    }
  })

  it('fills the same values in both languages', () => {
    const mismatched = [...viLeaves].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(enLeaves.get(key)).join(),
    )
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('has a message for every validation issue code, and for the roster rule fallback', () => {
    const missing = ISSUE_CODES.filter((code) => !viLeaves.has(`validation.${code}`))
    expect(missing).toEqual([])
  })

  it('explains every failure the main process reports', () => {
    // Every reason code a desktop call can answer with (src/main and src/shared errors).
    const codes = [
      'no_server_url',
      'server_unreachable',
      'bad_receipt',
      'sync_refused',
      'cancelled',
      'unknown_call',
      'untrusted_sender',
      'internal',
      'invalid_input',
      'not_found',
      'team_name_taken',
      'team_member_inactive',
      'data_unreadable',
      'data_key_unavailable',
      'data_key_mismatch',
      'store_migration_failed',
      'unknown_form',
    ]
    expect(codes.filter((code) => !viLeaves.has(`errors.${code}`))).toEqual([])
  })
})

describe('savedLocale', () => {
  it('is Vietnamese unless English was chosen', () => {
    expect(savedLocale(undefined)).toBe('vi')
    expect(savedLocale({ getItem: () => null })).toBe('vi')
    expect(savedLocale({ getItem: () => 'fr' })).toBe('vi')
    expect(savedLocale({ getItem: () => 'en' })).toBe('en')
  })
})
