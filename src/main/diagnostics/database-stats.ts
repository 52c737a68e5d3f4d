import { statSync } from 'node:fs'
import { type Kysely, sql } from 'kysely'
import type { LocalDatabase } from '../store/local-database.types'

/** The store described by numbers only: sizes, row counts, schema version. No row content. */
export interface DatabaseStats {
  fileBytes: number
  walBytes: number
  pageSize: number
  pageCount: number
  freePages: number
  journalMode: string
  /** `PRAGMA quick_check`: 'ok' or the number of problems found. */
  quickCheck: string
  /** Applied migrations, oldest first (names from the code, not data). */
  migrations: string[]
  /** Rows per table, FTS shadow tables included. */
  rowCounts: Record<string, number>
  /** Revisions by sync state, and households by their state. */
  revisionsByStatus: Record<string, number>
  householdsBySyncState: Record<string, number>
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Collects the store's statistics. */
export async function databaseStats(
  db: Kysely<LocalDatabase>,
  dbFile: string,
): Promise<DatabaseStats> {
  const pragma = async (name: string) => {
    const { rows } = await sql<Record<string, unknown>>`${sql.raw(`PRAGMA ${name}`)}`.execute(db)
    return rows
  }
  const first = async (name: string) => Object.values((await pragma(name))[0] ?? {})[0]
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
  `.execute(db)
  const rowCounts: Record<string, number> = {}
  for (const { name } of tables.rows) {
    if (!TABLE_NAME.test(name)) continue
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(name)}`.execute(db)
    rowCounts[name] = Number(rows[0]?.n ?? 0)
  }
  const quick = (await pragma('quick_check')).map((row) => String(Object.values(row)[0]))
  return {
    fileBytes: size(dbFile),
    walBytes: size(`${dbFile}-wal`),
    pageSize: Number(await first('page_size')),
    pageCount: Number(await first('page_count')),
    freePages: Number(await first('freelist_count')),
    journalMode: String(await first('journal_mode')),
    quickCheck: quick.length === 1 && quick[0] === 'ok' ? 'ok' : String(quick.length),
    migrations: await migrations(db),
    rowCounts,
    revisionsByStatus: await groupCount(db, 'revisions', 'status'),
    householdsBySyncState: await groupCount(db, 'households', 'sync_state'),
  }
}

async function migrations(db: Kysely<LocalDatabase>): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM kysely_migration ORDER BY timestamp, name
    `.execute(db)
    return rows.map((row) => row.name)
  } catch {
    return []
  }
}

async function groupCount(
  db: Kysely<LocalDatabase>,
  table: 'revisions' | 'households',
  column: 'status' | 'sync_state',
): Promise<Record<string, number>> {
  const { rows } = await sql<{ k: string; n: number }>`
    SELECT ${sql.ref(column)} AS k, count(*) AS n FROM ${sql.table(table)} GROUP BY ${sql.ref(column)}
  `.execute(db)
  return Object.fromEntries(rows.map((row) => [String(row.k), Number(row.n)]))
}

function size(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}
