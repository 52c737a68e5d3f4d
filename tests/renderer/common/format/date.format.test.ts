import { describe, expect, it } from 'vitest'
import {
  formatDateTime,
  formatIsoDate,
  parseDisplayDate,
} from '../../../../src/renderer/common/format/date.format'
import { formatCount } from '../../../../src/renderer/common/format/number.format'

describe('formatIsoDate', () => {
  it('shows an ISO date as dd/mm/yyyy', () => {
    expect(formatIsoDate('2025-09-05')).toBe('05/09/2025')
  })

  it('leaves anything else as it is', () => {
    expect(formatIsoDate('hôm qua')).toBe('hôm qua')
  })
})

describe('parseDisplayDate', () => {
  it('reads dd/mm/yyyy and its common variants', () => {
    expect(parseDisplayDate('05/09/2025')).toBe('2025-09-05')
    expect(parseDisplayDate('5/9/2025')).toBe('2025-09-05')
    expect(parseDisplayDate(' 05-09-2025 ')).toBe('2025-09-05')
    expect(parseDisplayDate('05.09.2025')).toBe('2025-09-05')
  })

  it('refuses days that do not exist and unfinished typing', () => {
    expect(parseDisplayDate('31/02/2025')).toBeNull()
    expect(parseDisplayDate('29/02/2025')).toBeNull()
    expect(parseDisplayDate('29/02/2024')).toBe('2024-02-29')
    expect(parseDisplayDate('05/09/202')).toBeNull()
    expect(parseDisplayDate('2025-09-05')).toBeNull()
  })
})

describe('formatDateTime', () => {
  it('shows a timestamp in Vietnam time, whatever its offset', () => {
    expect(formatDateTime('2025-11-24T16:30:00Z')).toBe('24/11/2025 23:30')
    expect(formatDateTime('2025-11-24T18:05:00Z')).toBe('25/11/2025 01:05')
    expect(formatDateTime('2025-11-25T01:05:00+07:00')).toBe('25/11/2025 01:05')
  })

  it('leaves an unreadable timestamp as it is', () => {
    expect(formatDateTime('not a time')).toBe('not a time')
  })
})

describe('formatCount', () => {
  it('groups thousands the Vietnamese way by default, the English way in English', () => {
    expect(formatCount(1234567)).toBe('1.234.567')
    expect(formatCount(1234567, 'en')).toBe('1,234,567')
    expect(formatCount(7)).toBe('7')
  })
})
