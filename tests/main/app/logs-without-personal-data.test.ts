import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchLogged } from '../../../src/main/app/call-log'
import { openFileLogger } from '../../../src/main/app/file-logger'
import { describeError } from '../../../src/main/app/logger'
import { closeMainContext, type MainContext, openMainContext } from '../../../src/main/context'
import { fixedTestKeyProvider } from '../../../src/main/crypto/test-key-provider'
import { ManualClock } from '../../../src/shared/clock/clock'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { enrolLocally, makeTestProvince } from '../device/device-test-kit'
import { closedPortUrl } from '../sync/sync-test-servers'
import { recordVisit } from '../visit-test-helpers'

/** The people of this test: what must never reach a log or a diagnostics bundle. */
const PEOPLE = [
  { head: 'Lò Văn Pấu', spouse: 'Lường Thị Ánh', phone: '0912345678', citizenId: '008080001234' },
  { head: 'Hoàng Thị Mỷ', spouse: 'Nông Văn Sình', phone: '0387654321', citizenId: '008180004321' },
]
const ADDRESS = 'Số 12, xóm Khuổi My'

/**
 * Runs the main process's real flows with the real file logger — recording households,
 * a sync to a province that cannot be reached, calls with personal data in bad input,
 * an unexpected error whose stack names the Windows account — then reads every log line
 * and the diagnostics bundle and looks for each name, phone, citizen id and the address.
 */
describe('the log file and the diagnostics bundle hold no personal data', () => {
  let dir: string
  let ctx: MainContext
  let logText = ''
  let bundleText = ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'langso-logscan-'))
    const clock = new ManualClock(Date.parse('2025-11-24T02:00:00Z'))
    const log = openFileLogger({ dir: join(dir, 'logs'), clock })
    ctx = await openMainContext({
      dbPath: join(dir, 'langso.sqlite'),
      keyProvider: fixedTestKeyProvider(),
      clock,
      log,
      sleep: async () => {},
    })
    await enrolLocally(ctx, makeTestProvince(), await closedPortUrl())
    for (const person of PEOPLE) {
      await recordVisit(
        ctx,
        makeHouseholdResponse({
          answers: { head_name: person.head, phone: person.phone, address: ADDRESS },
          members: [
            { full_name: person.head, citizen_id: person.citizenId },
            { full_name: person.spouse, relation: 'spouse', sex: 'female' },
          ],
        }),
      )
    }
    // A sync that fails (nothing listens), through the same path IPC calls take.
    const sync = await dispatchLogged(ctx, 'sync.run', {})
    expect(sync.ok).toBe(false)
    // Calls with personal data in invalid input.
    const person = PEOPLE[0]!
    await dispatchLogged(ctx, 'households.get', { id: person.phone })
    await dispatchLogged(ctx, 'team.add', { name: person.head, phone: person.citizenId })
    await dispatchLogged(ctx, `households.${person.head}`, { q: person.phone })
    // An unexpected error thrown somewhere, its message and stack full of data.
    const error = new Error(`cannot save ${person.head} ${person.phone} ${person.citizenId}`)
    error.stack = `Error: ${person.head}\n    at save (C:\\Users\\${person.head}\\AppData\\Local\\x.js:1:1)\n    at ${person.citizenId} (/home/lovanpau/${person.phone}.js:2:2)`
    log.error('unexpected', { ...describeError(error), where: person.head })
    await dispatchLogged(ctx, 'backup.create', {})
    const bundle = await dispatchLogged(ctx, 'diagnostics.export', {})
    if (!bundle.ok) throw new Error(bundle.error.code)
    bundleText = unzipText(
      Buffer.from((bundle.data as { bytesBase64: string }).bytesBase64, 'base64'),
    )
    logText = await readFile(log.file, 'utf8')
  }, 60_000)

  afterAll(async () => {
    await closeMainContext(ctx)
    await rm(dir, { recursive: true, force: true })
  })

  it('logs the sync and the errors', () => {
    const events = logText
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; level: string; code?: string })
    expect(events.some((e) => e.event === 'sync_network_error')).toBe(true)
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'sync_run', ok: false, code: 'server_unreachable' }),
    )
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'call_failed', code: 'invalid_input' }),
    )
    expect(events).toContainEqual(expect.objectContaining({ event: 'unexpected', level: 'error' }))
    expect(events).toContainEqual(expect.objectContaining({ event: 'backup_created' }))
  })

  it('has no name, phone, citizen id, address or account name anywhere', () => {
    expect(bundleText).toContain('diagnostics.json')
    for (const text of [logText, bundleText]) {
      const digits = text.replace(/\D/g, '')
      for (const person of PEOPLE) {
        for (const secret of [person.head, person.spouse, person.phone, person.citizenId]) {
          expect(text).not.toContain(secret)
        }
        expect(digits).not.toContain(person.phone)
        expect(digits).not.toContain(person.citizenId)
        for (const word of `${person.head} ${person.spouse}`.split(' ')) {
          if (/[^\p{ASCII}]/u.test(word)) expect(text).not.toContain(word)
        }
      }
      expect(text).not.toContain('Khuổi')
      expect(text).not.toContain('lovanpau')
    }
  })
})

/** The text of every entry of a ZIP archive (local headers walked in order). */
function unzipText(zip: Buffer): string {
  const parts: string[] = []
  let at = 0
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const size = zip.readUInt32LE(at + 18)
    const nameLength = zip.readUInt16LE(at + 26)
    const extra = zip.readUInt16LE(at + 28)
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8')
    const data = zip.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size)
    parts.push(name, inflateRawSync(data).toString('utf8'))
    at += 30 + nameLength + extra + size
  }
  return parts.join('\n')
}
