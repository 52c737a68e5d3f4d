import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverMigrationProvider } from '../../../src/server/store/migrations/server-migrations'
import { openServerDatabase } from '../../../src/server/store/server-database'
import { serverStores, type TestStoreConfig } from '../../support/server-stores'

describe.each(serverStores())('server store on $name', (variant) => {
  let made: TestStoreConfig
  beforeAll(async () => {
    made = await variant.createConfig()
  })
  afterAll(async () => {
    await made?.dispose()
  })

  it('creates the tables at start and opens again without re-running migrations', async () => {
    const first = await openServerDatabase(made.config)
    expect(first.dialect).toBe(variant.name)
    const tables = (await first.db.introspection.getTables()).map((t) => t.name).sort()
    expect(tables).toEqual(
      expect.arrayContaining(['batches', 'households', 'members', 'revisions', 'visits']),
    )
    await first.close()

    const second = await openServerDatabase(made.config)
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
      second.db,
    )
    const known = Object.keys(await serverMigrationProvider.getMigrations()).sort()
    expect(applied.rows.map((r) => r.name).sort()).toEqual(known)
    await second.close()
  })

  it('refuses members of a household that does not exist', async () => {
    const store = await openServerDatabase(made.config)
    try {
      await expect(
        store.db
          .insertInto('members')
          .values({
            id: '019ab5e6-6c00-7000-8000-000000000010',
            household_id: '019ab5e6-6c00-7000-8000-000000000011',
            position: 0,
            full_name: 'Nguyễn Văn A',
            answers_json: '{}',
          })
          .execute(),
      ).rejects.toThrow(/foreign key/i)
    } finally {
      await store.close()
    }
  })
})

describe('SQLite store settings', () => {
  it('runs in WAL mode with foreign keys and full synchronous writes', async () => {
    const [sqlite] = serverStores()
    if (!sqlite) throw new Error('no sqlite store variant')
    const made = await sqlite.createConfig()
    const store = await openServerDatabase(made.config)
    try {
      const pragma = async (name: string) =>
        (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db)).rows[0]
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' })
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 })
      expect(await pragma('synchronous')).toEqual({ synchronous: 2 })
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 })
    } finally {
      await store.close()
      await made.dispose()
    }
  })
})
