import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { logFiles, openFileLogger } from '../../../src/main/app/file-logger'
import { ManualClock } from '../../../src/shared/clock/clock'

describe('the rotating log file', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'langso-logs-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes one JSON line per entry with the time, level, event and fields', async () => {
    const clock = new ManualClock(Date.parse('2025-11-24T02:00:00Z'))
    const log = openFileLogger({ dir: join(dir, 'logs'), clock })
    log.info('sync_run', { ok: true, sent: 3 })
    log.error('call_failed', { call: 'households.get', code: 'internal' })
    const lines = (await readFile(log.file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toEqual([
      { at: '2025-11-24T02:00:00.000Z', level: 'info', event: 'sync_run', ok: true, sent: 3 },
      {
        at: '2025-11-24T02:00:00.000Z',
        level: 'error',
        event: 'call_failed',
        call: 'households.get',
        code: 'internal',
      },
    ])
  })

  it('rotates before a file passes its size and keeps only the newest files', async () => {
    const log = openFileLogger({ dir, maxBytes: 2000, keep: 3 })
    for (let i = 0; i < 200; i++)
      log.info('sync_network_error', { attempt: i, pad: 'x'.repeat(40) })
    const files = logFiles(dir)
    expect(files.map((f) => basename(f))).toEqual([
      'langso.log',
      'langso.1.log',
      'langso.2.log',
      'langso.3.log',
    ])
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2000)
      // Whole lines only.
      for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow()
    }
    // The newest entry is last in the current file; older ones moved up in order.
    const attempts = (file: string) =>
      readFile(file, 'utf8').then((t) =>
        t
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { attempt: number }).attempt),
      )
    const current = await attempts(files[0] ?? '')
    const previous = await attempts(files[1] ?? '')
    expect(current.at(-1)).toBe(199)
    expect(previous.at(-1)).toBe((current[0] ?? 0) - 1)
  })

  it('never throws when the folder cannot be written', async () => {
    // A "folder" inside a regular file can never be created.
    const blocker = join(dir, 'a-file')
    await writeFile(blocker, 'x')
    const log = openFileLogger({ dir: join(blocker, 'logs') })
    expect(() => log.error('store_close_failed')).not.toThrow()
    expect(() => log.info('sync_run')).not.toThrow()
  })
})
