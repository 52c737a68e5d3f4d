import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { MainContext } from '../../../src/main/context'
import { openLocalDatabase } from '../../../src/main/store/local-database'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { recordVisit } from '../visit-test-helpers'

/** Records a completed visit of a household headed by `headName`. */
export function recordHousehold(ctx: MainContext, headName: string) {
  return recordVisit(ctx, makeHouseholdResponse({ answers: { head_name: headName } }))
}

/** Head names of the households in a store file, sorted (opens and closes it). */
export async function headNamesIn(file: string): Promise<string[]> {
  const db = await openLocalDatabase(file)
  try {
    const rows = await db.selectFrom('households').select('head_name').execute()
    return rows.map((row) => row.head_name).sort()
  } finally {
    await db.destroy()
  }
}

/** One value straight from a store file with better-sqlite3 (no migrations, read only). */
export function readValue<T>(file: string, query: string, ...params: unknown[]): T | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(query).get(...params) as T | undefined
  } finally {
    db.close()
  }
}

/** Runs statements on a store file (used to tamper with backups). */
export function runOn(file: string, statement: string, ...params: unknown[]): void {
  const db = new Database(file, { fileMustExist: true })
  try {
    db.prepare(statement).run(...params)
  } finally {
    db.close()
  }
}

/** Whether a file has a WAL or shared-memory file beside it. */
export function hasWalFiles(file: string): boolean {
  return existsSync(`${file}-wal`) || existsSync(`${file}-shm`)
}
