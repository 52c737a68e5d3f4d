import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, inflateRawSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openFileLogger } from '../../../src/main/app/file-logger'
import {
  type buildDiagnosticsBundle,
  redactLogText,
} from '../../../src/main/diagnostics/diagnostics.service'
import { zipArchive } from '../../../src/main/diagnostics/zip-archive'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { recordHousehold } from '../backup/backup-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'

/** Entries of a ZIP read through its central directory, each checked against its CRC-32. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50)
    const crc = zip.readUInt32LE(at + 16)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const localName = zip.readUInt16LE(local + 26)
    const localExtra = zip.readUInt16LE(local + 28)
    const start = local + 30 + localName + localExtra
    const data = inflateRawSync(zip.subarray(start, start + size))
    expect(crc32(data)).toBe(crc)
    files.set(name, data)
    at += 46 + nameLength
  }
  return files
}

describe('the ZIP writer', () => {
  it('writes entries that read back byte for byte, UTF-8 names included', () => {
    const entries = [
      {
        name: 'a.txt',
        data: Buffer.from('hello\n'),
        modifiedMs: Date.parse('2025-11-24T02:00:00Z'),
      },
      { name: 'logs/nhật-ký.log', data: Buffer.alloc(100_000, 'x'), modifiedMs: 0 },
      { name: 'empty', data: Buffer.alloc(0), modifiedMs: Date.now() },
    ]
    const zip = zipArchive(entries)
    const files = readZip(zip)
    expect([...files.keys()]).toEqual(entries.map((e) => e.name))
    for (const entry of entries) expect(files.get(entry.name)?.equals(entry.data)).toBe(true)
  })

  it('is accepted by Info-ZIP when it is installed', (context) => {
    if (!existsSync('/usr/bin/unzip')) context.skip()
    const file = join(process.env.TMPDIR ?? '/tmp', `langso-zip-${process.pid}.zip`)
    writeFileSync(file, zipArchive([{ name: 'x/y.json', data: Buffer.from('{}'), modifiedMs: 0 }]))
    const tested = spawnSync('/usr/bin/unzip', ['-t', file], { encoding: 'utf8' })
    expect(tested.stdout).toContain('No errors detected')
  })
})

describe('the diagnostics bundle', () => {
  let main: TestMain
  beforeEach(async () => {
    main = await openTestMain()
  })
  afterEach(async () => {
    await main.dispose()
  })

  it('holds the version, the store statistics and the logs, and no record', async () => {
    await recordHousehold(main.ctx, 'Lò Văn Pấu')
    await recordHousehold(main.ctx, 'Hoàng Thị Mỷ')
    const log = openFileLogger({ dir: join(main.dir, 'logs') })
    log.info('sync_run', { ok: true, sent: 2 })
    const answer = await dispatch(main.ctx, 'diagnostics.export', {})
    if (!answer.ok) throw new Error(answer.error.code)
    const bundle = answer.data as Awaited<ReturnType<typeof buildDiagnosticsBundle>>
    expect(bundle.fileName).toMatch(/^langso-diagnostics-\d{8}T\d{6}Z\.zip$/)
    expect(bundle.entries).toEqual(['diagnostics.json', 'logs/langso.log'])
    const files = readZip(Buffer.from(bundle.bytesBase64, 'base64'))
    const report = JSON.parse(files.get('diagnostics.json')?.toString('utf8') ?? '{}')
    expect(report.app.version).toEqual(expect.any(String))
    expect(report.app.versions.node).toBe(process.versions.node)
    expect(report.device.deviceId).toBe(main.ctx.deviceId)
    expect(report.database.rowCounts).toMatchObject({ households: 2, members: 4, revisions: 2 })
    expect(report.database.revisionsByStatus).toEqual({ pending: 2 })
    expect(report.database.quickCheck).toBe('ok')
    expect(report.database.migrations[0]).toBe('0001_initial')
    expect(files.get('logs/langso.log')?.toString('utf8')).toContain('"event":"sync_run"')
    const text = [...files.values()].map((b) => b.toString('utf8')).join('\n')
    for (const name of ['Lò Văn Pấu', 'Hoàng Thị Mỷ', 'Nguyễn', '0912345678', 'Khuổi']) {
      expect(text).not.toContain(name)
    }
  })

  it('redacts log lines again, whatever wrote them', () => {
    const text = [
      '{"at":"2025-11-24T02:00:00.000Z","level":"info","event":"sync_run","sent":3}',
      '{"at":"x","level":"error","event":"Lò Văn Pấu","phone":"0912345678","nested":{"a":1}}',
      'a plain line from an older version: Hoàng Thị Mỷ 0387654321',
    ].join('\n')
    const out = redactLogText(text).trim().split('\n')
    expect(JSON.parse(out[0] ?? '')).toEqual({
      at: '2025-11-24T02:00:00.000Z',
      level: 'info',
      event: 'sync_run',
      sent: 3,
    })
    expect(JSON.parse(out[1] ?? '')).toEqual({
      at: 'x',
      level: 'error',
      event: 'event_redacted',
      phone: '[redacted]',
      nested: '[text]',
    })
    expect(out[2]).toBe('a plain line from an older version: [text] [text] [text] [number]')
  })
})
