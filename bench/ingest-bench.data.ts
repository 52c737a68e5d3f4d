/**
 * The baseline of bench/ingest.bench.ts: the rows an ingest of a batch of new households
 * writes (batch, revisions, households, members, visits), written as fast as each driver
 * writes rows, with no checks, merge or query builder in the way. The rows are exactly the
 * ones ingest writes for revisions as devices send them (responses already cleaned, so
 * the log keeps no second, cleaned copy): same columns, same JSON texts, the same indexes
 * (the baseline's store is migrated like the server's).
 */
import { performance } from 'node:perf_hooks'
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { judgeRevision } from '../src/server/sync/revision-verdict'
import { householdFacts, householdSearchText } from '../src/shared/household/household-facts'
import type { HouseholdRevision } from '../src/shared/household/household-revision.schema'
import { builtinFormLookup, COMMUNE, CREATED_AT } from '../tests/fixtures/batches/hostile-corpus'
import { DEVICE_ID } from '../tests/fixtures/batches/realistic-households'

type Row = Record<string, string | number | null>

/** Rows per table, in insert order (foreign keys: batch, revisions, households, the rest). */
export interface RawRows {
  batches: Row[]
  revisions: Row[]
  households: Row[]
  members: Row[]
  visits: Row[]
}

const RECEIVED_AT = '2025-11-25T00:00:00.000Z'

/**
 * The revisions as the desktop app saves them: each response is the form's cleaned one
 * (draft finalisation keeps validateResponse's output, answers in form order), which the
 * server's cleaning then leaves as it is. The realistic fixture writes answers in another
 * order, which would make every revision carry a second, cleaned copy of its response.
 */
export function asDevicesSave(revisions: readonly HouseholdRevision[]): HouseholdRevision[] {
  const batch = {
    batchId: '',
    deviceId: DEVICE_ID,
    communeCode: COMMUNE,
    sentAt: CREATED_AT,
    revisions: [],
  }
  return revisions.map((revision) => {
    const verdict = judgeRevision(batch, revision, builtinFormLookup)
    if (verdict.status !== 'accepted') throw new Error(`bench revision ${revision.id} is not valid`)
    return { ...revision, response: verdict.response }
  })
}

/** UTF-8 bytes of the values of the rows, per table (the data a store writes, before pages and indexes). */
export function rowBytes(rows: RawRows): Record<keyof RawRows, number> {
  const bytes = { batches: 0, revisions: 0, households: 0, members: 0, visits: 0 }
  for (const table of TABLES) {
    for (const row of rows[table]) {
      for (const value of Object.values(row)) {
        bytes[table] +=
          typeof value === 'string' ? Buffer.byteLength(value) : value === null ? 0 : 8
      }
    }
  }
  return bytes
}

/** The rows of a batch of revisions of new households, as ingest stores them. */
export function rawRowsOf(revisions: readonly HouseholdRevision[], batchId: string): RawRows {
  const rows: RawRows = { batches: [], revisions: [], households: [], members: [], visits: [] }
  rows.batches.push({
    id: batchId,
    device_id: DEVICE_ID,
    commune_code: COMMUNE,
    device_sent_at: CREATED_AT,
    received_at: RECEIVED_AT,
    accepted: revisions.length,
    duplicate: 0,
    rejected: 0,
    source: 'file',
    device_created_at: CREATED_AT,
    clock_behind: 0,
    file_bytes: null,
    status: 'ingested',
    error_code: null,
    claimed_batch_id: null,
  })
  revisions.forEach((r, i) => {
    const facts = householdFacts(r.response)
    rows.revisions.push({
      id: r.id,
      batch_id: batchId,
      household_id: r.householdId,
      visit_id: r.visitId,
      device_id: r.deviceId,
      commune_code: r.communeCode,
      hlc: r.hlc,
      base_revision_id: r.baseRevisionId,
      status: 'accepted',
      reason: null,
      issues_json: null,
      payload_json: JSON.stringify(r),
      device_saved_at: r.savedAt,
      received_at: RECEIVED_AT,
      clean_response_json: null,
    })
    rows.households.push({
      id: r.householdId,
      commune_code: r.communeCode,
      village_code: r.villageCode,
      head_name: facts.headName,
      search_text: householdSearchText(r.response),
      address: facts.address,
      member_count: facts.memberCount,
      visit_result: facts.visitResult,
      visit_date: r.visitDate,
      revision_id: r.id,
      hlc: r.hlc,
      device_id: r.deviceId,
      form_id: r.formId,
      form_version: r.formVersion,
      response_json: JSON.stringify(r.response),
      received_at: RECEIVED_AT,
      updated_at: RECEIVED_AT,
      merged: 0,
      change_seq: i + 1,
    })
    for (const [position, member] of (r.response.repeats.members ?? []).entries()) {
      rows.members.push({
        id: member.id,
        household_id: r.householdId,
        position,
        full_name: String(member.answers.full_name ?? ''),
        answers_json: JSON.stringify(member.answers),
      })
    }
    rows.visits.push({
      id: r.visitId,
      household_id: r.householdId,
      revision_id: r.id,
      hlc: r.hlc,
      visit_date: r.visitDate,
      visit_result: facts.visitResult,
    })
  })
  return rows
}

const TABLES = ['batches', 'revisions', 'households', 'members', 'visits'] as const

/** Milliseconds per table and for the commit. */
export type RawSplit = Record<(typeof TABLES)[number] | 'commit', number>

/** One prepared statement per table, every row in one transaction. */
export function rawSqliteInsert(db: Database.Database, rows: RawRows): RawSplit {
  const split: RawSplit = {
    batches: 0,
    revisions: 0,
    households: 0,
    members: 0,
    visits: 0,
    commit: 0,
  }
  db.exec('begin')
  try {
    for (const table of TABLES) {
      const first = rows[table][0]
      if (!first) continue
      const t0 = performance.now()
      const columns = Object.keys(first)
      const insert = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      for (const row of rows[table]) insert.run(row)
      split[table] = performance.now() - t0
    }
    const t0 = performance.now()
    db.exec('commit')
    split.commit = performance.now() - t0
  } catch (error) {
    if (db.inTransaction) db.exec('rollback')
    throw error
  }
  return split
}

/**
 * Multi-row `insert … values ($1, …), …` of up to 16,000 values per statement, in one
 * transaction (one array per column with `unnest` was slower: pg escapes every value
 * into array text).
 */
export async function rawPostgresInsert(client: pg.Client, rows: RawRows): Promise<void> {
  await client.query('begin')
  try {
    for (const table of TABLES) {
      const first = rows[table][0]
      if (!first) continue
      const columns = Object.keys(first)
      const perStatement = Math.floor(16_000 / columns.length)
      for (let start = 0; start < rows[table].length; start += perStatement) {
        const chunk = rows[table].slice(start, start + perStatement)
        const values = chunk.flatMap((row) => columns.map((c) => row[c] ?? null))
        const groups = chunk.map(
          (_, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`,
        )
        await client.query(
          `insert into ${table} (${columns.join(', ')}) values ${groups.join(', ')}`,
          values,
        )
      }
    }
    await client.query('commit')
  } catch (error) {
    await client.query('rollback')
    throw error
  }
}
