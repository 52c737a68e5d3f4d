import type { Kysely } from 'kysely'
import type { ServerDatabase } from '../store/server-database.types'

/**
 * Bound parameters per statement of a multi-row write. SQLite allows 32,766 (since 3.32)
 * and PostgreSQL 65,535; staying well below both keeps each statement's text small too.
 */
export const MAX_STATEMENT_PARAMETERS = 16_000

/** Splits rows into runs that each bind at most MAX_STATEMENT_PARAMETERS values. */
export function chunked<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_STATEMENT_PARAMETERS / Math.max(1, columnsPerRow)))
  const chunks: T[][] = []
  for (let start = 0; start < rows.length; start += size) {
    chunks.push(rows.slice(start, start + size))
  }
  return chunks
}

/** The ids among `ids` that already have a revision in the log, in as few selects as fit. */
export async function storedRevisionIds(
  db: Kysely<ServerDatabase>,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>()
  for (const chunk of chunked([...new Set(ids)], 1)) {
    const rows = await db.selectFrom('revisions').select('id').where('id', 'in', chunk).execute()
    for (const row of rows) found.add(row.id)
  }
  return found
}
