import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redactEvent, redactFields, scrubText } from '../../../src/main/app/log-redaction'
import { describeError, formatLogLine } from '../../../src/main/app/logger'

/** Vietnamese syllables names and answers are made of. */
const SYLLABLES = [
  'Nguyễn',
  'Trần',
  'Lò',
  'Hoàng',
  'Thị',
  'Văn',
  'Mỷ',
  'Pấu',
  'Sình',
  'Ánh',
  'Đức',
  'Hương',
]
const nameArb = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 })
  .map((words) => words.join(' '))
const phoneArb = fc
  .tuple(fc.constantFrom('03', '05', '07', '08', '09'), fc.stringMatching(/^\d{8}$/))
  .map(([prefix, rest]) => prefix + rest)
const citizenIdArb = fc.stringMatching(/^0\d{11}$/)
/** How a number may be written: run together, or grouped with spaces, dots or dashes. */
const spacedArb = (digits: string) =>
  fc.constantFrom('', ' ', '.', '-').map((sep) => digits.replace(/(\d{3})(?=\d)/g, `$1${sep}`))

describe('log redaction', () => {
  it('keeps codes, ids, stamps, counts and booleans as they are', () => {
    const fields = {
      call: 'sync.run',
      code: 'server_unreachable',
      batchId: '019ab5e6-6c00-7000-8000-000000000001',
      stamp: '001764057600000-00000-0190e6b2c3d47a9b',
      at: '2025-11-24T02:00:00.000Z',
      sent: 12,
      ms: 1834,
      ok: false,
      none: null,
    }
    expect(redactFields(fields)).toEqual(fields)
    expect(redactEvent('sync_run')).toBe('sync_run')
  })

  it('drops personal fields, free text and odd keys whatever they hold', () => {
    expect(
      redactFields({
        headName: 'Lò Văn Pấu',
        phone: '0912345678',
        citizenId: '008080001234',
        answers: 'x',
        address: 'Số 12, xóm Khuổi My',
        message: 'Cannot read household of Lò Văn Pấu',
        detail: 'free text with spaces',
        'weird key': 'value',
        amount: 912345678,
      }),
    ).toEqual({
      headName: '[redacted]',
      phone: '[redacted]',
      citizenId: '[redacted]',
      answers: '[redacted]',
      address: '[redacted]',
      message: '[redacted]',
      detail: '[text]',
      amount: null,
    })
    expect(redactEvent('Lò Văn Pấu')).toBe('event_redacted')
  })

  it('takes the account name out of paths in stack frames, on Linux and on Windows', () => {
    const frames =
      'at open (/home/nguyenvana/.config/lang-so/x.js:1:2) | at run (C:\\Users\\Nguyễn Văn A\\AppData\\Roaming\\lang-so\\y.js:3:4) | at z (file:///C:/Users/lovanpau/app/out/main/index.js:5:6)'
    const out = scrubText(frames)
    expect(out).not.toMatch(/nguyenvana|Nguyễn|lovanpau/)
    expect(out).toContain('/home/[user]/.config/lang-so/x.js:1:2')
    expect(out).toContain('index.js:5:6')
    expect(
      scrubText('at x (/opt/app/data/y.js:1:1)', [{ path: '/opt/app/data', label: '<data>' }]),
    ).toBe('at x (<data>/y.js:1:1)')
  })

  it('lets no generated name, phone or citizen id through, in any field or in a stack', () => {
    fc.assert(
      fc.property(
        nameArb,
        phoneArb.chain(spacedArb),
        citizenIdArb.chain(spacedArb),
        fc.constantFrom('info', 'error'),
        fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/),
        (name, phone, citizenId, level, key) => {
          const error = new Error(`no household ${name} ${phone} ${citizenId}`)
          error.stack = `Error: ${name}\n    at save (/home/${name.split(' ')[0]}/x.js:1:1)\n    at ${phone} (${citizenId}.js:2:2)`
          const line = formatLogLine('2025-11-24T02:00:00.000Z', level as 'info' | 'error', name, {
            [key]: `${name} ${phone}`,
            [`${key}Id`]: citizenId,
            [`${key}Code`]: phone,
            where: name,
            ...describeError(error),
          })
          const digits = line.replace(/\D/g, '')
          for (const secret of [name, ...name.split(' ').filter((w) => /[^\p{ASCII}]/u.test(w))]) {
            expect(line).not.toContain(secret)
          }
          expect(line).not.toContain(phone)
          expect(line).not.toContain(citizenId)
          expect(digits).not.toContain(phone.replace(/\D/g, ''))
          expect(digits).not.toContain(citizenId.replace(/\D/g, ''))
          // Still a JSON line with the level and time.
          expect(JSON.parse(line)).toMatchObject({ level, at: '2025-11-24T02:00:00.000Z' })
        },
      ),
      { numRuns: 300 },
    )
  })
})
