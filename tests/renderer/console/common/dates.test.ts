import { describe, expect, it } from 'vitest'
import { formatDay, readDayRange } from '../../../../src/renderer/console/common/dates'
import { shortId } from '../../../../src/renderer/console/common/short-id'

describe('days in the console', () => {
  it('shows the Vietnam-time day of a timestamp as dd/mm/yyyy', () => {
    // 17:30 UTC is already the next day in Vietnam (UTC+7).
    expect(formatDay('2025-09-04T17:30:00.000Z')).toBe('05/09/2025')
    expect(formatDay('2025-09-04T16:59:00.000Z')).toBe('04/09/2025')
  })

  it('reads a typed day range, blank ends open', () => {
    expect(readDayRange('05/09/2025', '5/10/2025')).toEqual({
      from: '2025-09-05',
      to: '2025-10-05',
      fromError: null,
      toError: null,
    })
    expect(readDayRange('', '  ')).toEqual({ from: null, to: null, fromError: null, toError: null })
  })

  it('names a day that does not exist and a range that runs backwards', () => {
    expect(readDayRange('31/02/2025', '')).toMatchObject({ from: null, fromError: 'date' })
    expect(readDayRange('', '2025-09-05')).toMatchObject({ to: null, toError: 'date' })
    expect(readDayRange('06/09/2025', '05/09/2025')).toMatchObject({ toError: 'dateOrder' })
  })
})

describe('short ids', () => {
  it('shows the random end of a UUIDv7, whose start is only its time', () => {
    expect(shortId('019ab5e6-6c00-7000-8000-0000001a2b3c')).toBe('…1a2b3c')
    expect(shortId('00700-03')).toBe('00700-03')
  })
})
