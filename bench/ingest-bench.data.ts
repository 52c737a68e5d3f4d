/**
 * The baseline of bench/ingest.bench.ts: the rows an ingest of a batch of new households
 * writes (batch, revisions, households, members, visits), written as fast as each driver
 * writes rows, with no checks, merge or query builder in the way.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { householdFacts, householdSearchText } from '../src/shared/household/household-facts'
import type { HouseholdRevision } from '../src/shared/household/household-revision.schema'
import { COMMUNE, CREATED_AT } from '../tests/fixtures/batches/hostile-corpus'
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
const INTEGER_COLUMNS = new Set([
  'accepted',
  'duplicate',
  'rejected',
  'clock_behind',
  'file_bytes',
  'member_count',
  'form_version',
  'merged',
  'change_seq',
  'position',
])

/** One prepared statement per table, every row in one transaction. */
export function rawSqliteInsert(db: Database.Database, rows: RawRows): void {
  db.transaction(() => {
    for (const table of TABLES) {
      const first = rows[table][0]
      if (!first) continue
      const columns = Object.keys(first)
      const insert = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      for (const row of rows[table]) insert.run(row)
    }
  })()
}

/** One `insert … select from unnest(arrays)` per table (one parameter per column), in one transaction. */
export async function rawPostgresInsert(client: pg.Client, rows: RawRows): Promise<void> {
  await client.query('begin')
  try {
    for (const table of TABLES) {
      const first = rows[table][0]
      if (!first) continue
      const columns = Object.keys(first)
      const types = columns.map((c) => (INTEGER_COLUMNS.has(c) ? 'int8' : 'text'))
      const arrays = columns.map((c) => rows[table].map((row) => row[c] ?? null))
      await client.query(
        `insert into ${table} (${columns.join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
        arrays,
      )
    }
    await client.query('commit')
  } catch (error) {
    await client.query('rollback')
    throw error
  }
}
