import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLocalDatabase } from '../../../src/main/store/local-database'
import type { LocalDatabase } from '../../../src/main/store/local-database.types'
import { localMigrations } from '../../../src/main/store/migrations/local-migrations'

let dir: string
let dbPath: string
let db: Kysely<LocalDatabase> | null = null

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'langso-store-'))
  dbPath = join(dir, 'langso.sqlite')
})

afterEach(async () => {
  await db?.destroy()
  db = null
  await rm(dir, { recursive: true, force: true })
})

async function pragma(name: string): Promise<unknown> {
  if (!db) throw new Error('database not open')
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${sql.raw(`pragma_${name}`)}`.execute(db)
  return rows[0] ? Object.values(rows[0])[0] : undefined
}

describe('openLocalDatabase', () => {
  it('applies the durability pragmas (WAL, foreign keys, synchronous=FULL, busy timeout) and secure_delete', async () => {
    db = await openLocalDatabase(dbPath)
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('synchronous')).toBe(2) // FULL
    expect(await pragma('busy_timeout')).toBe(5000)
    expect(await pragma('secure_delete')).toBe(1)
  })

  it('runs every migration and creates the tables', async () => {
    db = await openLocalDatabase(dbPath)
    const applied = await sql<{
      name: string
    }>`select name from kysely_migration order by name`.execute(db)
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(localMigrations).sort())
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'kysely%'
        and name not glob 'household_search_*' order by name
    `.execute(db)
    expect(tables.rows.map((r) => r.name)).toEqual([
      'drafts',
      'form_versions',
      'household_search',
      'households',
      'members',
      'parked_households',
      'pii_index',
      'revisions',
      'sealed_batch_revisions',
      'sealed_batches',
      'settings',
      'team_members',
      'village_register',
      'visits',
    ])
  })

  it('keeps data across reopening and does not migrate twice', async () => {
    db = await openLocalDatabase(dbPath)
    await db.insertInto('settings').values({ key: 'server_url', value: 'http://x' }).execute()
    await db.destroy()

    db = await openLocalDatabase(dbPath)
    const row = await db.selectFrom('settings').selectAll().executeTakeFirst()
    expect(row).toEqual({ key: 'server_url', value: 'http://x' })
    const applied = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(db)
    expect(applied.rows[0]?.n).toBe(Object.keys(localMigrations).length)
  })

  it('enforces foreign keys: a member needs its household', async () => {
    db = await openLocalDatabase(dbPath)
    const orphan = db
      .insertInto('members')
      .values({
        id: '019ab5e6-6c00-7000-8000-0000000000aa',
        household_id: '019ab5e6-6c00-7000-8000-0000000000bb',
        position: 0,
        full_name: 'Nguyễn Văn A',
        answers_json: '{}',
      })
      .execute()
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/)
  })

  it('refuses a sync state outside pending / sent / rejected', async () => {
    db = await openLocalDatabase(dbPath)
    const bad = sql`insert into households (id, commune_code, village_code, head_name, search_text,
      member_count, visit_date, latest_revision_id, sync_state, created_at, updated_at)
      values ('h', '00700', '00700-01', 'A', 'a', 0, '2025-11-24', 'r', 'lost', 'x', 'x')`.execute(
      db,
    )
    await expect(bad).rejects.toThrow(/CHECK/)
  })
})
