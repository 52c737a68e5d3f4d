import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBackup } from '../../../src/main/backup/backup.service'
import { inspectBackup } from '../../../src/main/backup/restore-check'
import { checkDatabaseFile } from '../../../src/main/backup/sqlite-snapshot'
import { openTestMain, type TestMain } from '../main-test-context'
import { readValue, runOn } from './backup-test-kit'

/**
 * A writer on its own thread and connection, as busy as SQLite allows: each transaction
 * adds a team member and sets a counter to the number added, so any consistent state of
 * the database has exactly `counter` such members. It reports its count through shared
 * memory and stops when told.
 */
const WRITER = `
const { workerData } = require('node:worker_threads')
const Database = require(workerData.addon)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const shared = new Int32Array(workerData.shared)
const add = db.prepare(
  "INSERT INTO team_members (id, name, active, created_at, updated_at) VALUES (?, ?, 1, '2025-11-24T00:00:00Z', '2025-11-24T00:00:00Z')",
)
const count = db.prepare(
  "INSERT INTO settings (key, value) VALUES ('test_writes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
)
const write = db.transaction((n) => {
  add.run('writer-' + n, 'Người ghi số ' + n + ' '.repeat(200))
  count.run(String(n))
})
let n = 0
while (Atomics.load(shared, 0) === 0) {
  n += 1
  write(n)
  Atomics.store(shared, 1, n)
}
db.close()
`

const STOP = 0
const WRITES = 1

describe('a backup taken while another connection keeps writing', () => {
  let main: TestMain
  let worker: Worker | null = null

  beforeEach(async () => {
    main = await openTestMain()
    // Some megabytes, so the copy spans many pages and steps.
    const rows = Array.from({ length: 4000 }, (_, i) => i)
    for (let start = 0; start < rows.length; start += 500) {
      await main.ctx.db
        .insertInto('team_members')
        .values(
          rows.slice(start, start + 500).map((i) => ({
            id: `bulk-${i}`,
            name: `Thành viên ${i} ${'x'.repeat(800)}`,
            active: 1,
            created_at: '2025-11-24T00:00:00Z',
            updated_at: '2025-11-24T00:00:00Z',
          })),
        )
        .execute()
    }
  })

  afterEach(async () => {
    await worker?.terminate()
    await main.dispose()
  })

  it("is one consistent state of the database, and opens as this installation's store", async () => {
    const shared = new SharedArrayBuffer(8)
    const flags = new Int32Array(shared)
    const addon = createRequire(import.meta.url).resolve('better-sqlite3')
    const writer = new Worker(WRITER, {
      eval: true,
      workerData: { file: main.dbPath, shared, addon },
    })
    worker = writer
    const exited = new Promise<number>((resolve, reject) => {
      writer.once('exit', resolve)
      writer.once('error', reject)
    })
    // Let the writer get going before the backup starts.
    while (Atomics.load(flags, WRITES) < 200) await new Promise((r) => setImmediate(r))

    const before = Atomics.load(flags, WRITES)
    const entry = await createBackup(main.ctx, 'manual')
    const after = Atomics.load(flags, WRITES)
    Atomics.store(flags, STOP, 1)
    expect(await exited).toBe(0)
    worker = null

    // The writer really wrote while the backup ran.
    expect(after).toBeGreaterThan(before)
    const file = join(main.dir, 'backups', entry.fileName)
    expect(checkDatabaseFile(file)).toEqual([])
    const counter = Number(
      readValue<{ value: string }>(file, "SELECT value FROM settings WHERE key = 'test_writes'")
        ?.value,
    )
    const members = readValue<{ n: number }>(
      file,
      "SELECT count(*) AS n FROM team_members WHERE id LIKE 'writer-%'",
    )?.n
    // Exactly the writer's transactions up to some point: none half-copied.
    expect(members).toBe(counter)
    expect(counter).toBeGreaterThanOrEqual(before)
    expect(counter).toBeLessThanOrEqual(after)
    expect(
      readValue<{ n: number }>(
        file,
        "SELECT count(*) AS n FROM team_members WHERE id LIKE 'bulk-%'",
      )?.n,
    ).toBe(4000)

    // And the restore check accepts it: integrity, migrations, data key, device.
    runOn(file, "DELETE FROM settings WHERE key = 'test_writes'")
    const preview = await inspectBackup(main.ctx, entry.fileName)
    expect(preview.checks).toEqual({ integrity: 'ok', schema: 'ok', dataKey: 'ok', device: 'ok' })
  })
})
