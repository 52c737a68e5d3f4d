import { CompiledQuery, type Kysely, type Transaction } from 'kysely'
import type { StoreDialect } from '../store/server-database'
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

/** A column's SQL type (documents the row; both dialects bind numbers and texts as they are). */
export type ColumnType = 'text' | 'int8'

/** A multi-row insert of one table: its columns and the SQL after the rows. */
export interface RowsInsert<Row> {
  table: string
  /** Every column of the row, with its type (a missing column is a type error). */
  columns: { readonly [Column in keyof Row & string]: ColumnType }
  /** `on conflict …` and `returning …`: written alike in both dialects. */
  tail: string
}

/**
 * Inserts rows with multi-row `values` statements of at most MAX_STATEMENT_PARAMETERS
 * values each, their SQL text made here (table, column and tail texts are the caller's
 * constants; every value is a parameter): the query builder would spend more time on
 * thousands of values than the database does. (PostgreSQL's `unnest` of one array per
 * column was slower here: the driver escapes every value into array text.)
 * @returns the rows the tail's `returning` gives back
 */
export async function insertRows<Row extends object>(
  trx: Transaction<ServerDatabase>,
  dialect: StoreDialect,
  insert: RowsInsert<Row>,
  rows: readonly Row[],
): Promise<Record<string, unknown>[]> {
  const columns = Object.keys(insert.columns) as (keyof Row & string)[]
  const head = `insert into "${insert.table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `
  const returned: Record<string, unknown>[] = []
  for (const chunk of chunked(rows, columns.length)) {
    const values: unknown[] = []
    const groups: string[] = []
    for (const row of chunk) {
      const marks: string[] = []
      for (const column of columns) {
        values.push(row[column] ?? null)
        marks.push(dialect === 'postgres' ? `$${values.length}` : '?')
      }
      groups.push(`(${marks.join(', ')})`)
    }
    const query = `${head}${groups.join(', ')} ${insert.tail}`
    const result = await trx.executeQuery(CompiledQuery.raw(query, values))
    returned.push(...(result.rows as Record<string, unknown>[]))
  }
  return returned
}

/** `on conflict (id) do update set c = excluded.c, …` for the given columns. */
export function upsertById(columns: readonly string[]): string {
  return `on conflict ("id") do update set ${columns.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`
}
