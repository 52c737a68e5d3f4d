import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/app/logger'
import { closeMainContext, type MainContext, openMainContext } from '../../../src/main/context'
import { fixedTestKeyProvider } from '../../../src/main/crypto/test-key-provider'
import { getHousehold, listHouseholds } from '../../../src/main/household/household.service'
import { indicatorsFingerprint } from '../../../src/main/indicators/indicator-contributions'
import { villageProgress } from '../../../src/main/places/village-progress.service'
import { getSetting } from '../../../src/main/settings/settings.repository'
import type {
  HouseholdsTable,
  LocalDatabase,
  VisitsTable,
} from '../../../src/main/store/local-database.types'
import { initialMigration } from '../../../src/main/store/migrations/0001-initial.migration'
import { householdSearchText } from '../../../src/shared/household/household-facts'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { FIXTURE_DEVICE_ID, FIXTURE_VILLAGE, makeRevision } from '../../support/household-fixtures'

const PHONE = '0912345678'
const CITIZEN_ID = '008080001234'
const OLD_PHONE = '0987000111'

let dir: string
let dbPath: string
let ctx: MainContext | null = null

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'langso-legacy-'))
  dbPath = join(dir, 'langso.sqlite')
})

afterEach(async () => {
  if (ctx) await closeMainContext(ctx)
  ctx = null
  await rm(dir, { recursive: true, force: true })
})

/** The walking skeleton's schema (migration 0001). */
type SkeletonDatabase = Pick<LocalDatabase, 'settings' | 'members' | 'revisions'> & {
  households: Omit<HouseholdsTable, 'contribution_json' | 'contribution_date'>
  visits: Omit<VisitsTable, 'visit_result' | 'full_record' | 'enumerator_id'>
}

/**
 * A store as the walking skeleton left it: migration 0001 only, clear-text responses, phones
 * in the search text, and (no secure_delete then) an older version of a row and a deleted
 * member lingering in free space.
 */
async function writeSkeletonStore(revision: HouseholdRevision): Promise<void> {
  const sqlite = new Database(dbPath)
  sqlite.pragma('journal_mode = WAL')
  const db = new Kysely<SkeletonDatabase>({ dialect: new SqliteDialect({ database: sqlite }) })
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ '0001_initial': initialMigration }) },
  })
  const { error } = await migrator.migrateToLatest()
  if (error) throw error
  const at = revision.savedAt
  const response = revision.response
  await db.insertInto('settings').values({ key: 'device_id', value: FIXTURE_DEVICE_ID }).execute()
  await db
    .insertInto('households')
    .values({
      id: revision.householdId,
      commune_code: revision.communeCode,
      village_code: revision.villageCode,
      head_name: 'Nguyễn Văn A',
      search_text: `nguyen van a ${OLD_PHONE}`,
      address: null,
      member_count: 2,
      visit_result: 'completed',
      visit_date: revision.visitDate,
      latest_revision_id: revision.id,
      sync_state: 'pending',
      reject_reason: null,
      created_at: at,
      updated_at: at,
    })
    .execute()
  // The skeleton rewrote the row on every save: the older text stays in the page's free space.
  await db
    .updateTable('households')
    .set({ search_text: householdSearchText(response), address: 'Số 12, xóm Khuổi My' })
    .execute()
  await db
    .insertInto('visits')
    .values({
      id: revision.visitId,
      household_id: revision.householdId,
      visit_date: revision.visitDate,
      form_id: revision.formId,
      form_version: revision.formVersion,
      response_json: JSON.stringify(response),
      created_at: at,
      updated_at: at,
    })
    .execute()
  const rows = response.repeats.members ?? []
  await db
    .insertInto('members')
    .values([
      ...rows.map((row, position) => ({
        id: row.id,
        household_id: revision.householdId,
        position,
        full_name: String(row.answers.full_name),
        answers_json: JSON.stringify(row.answers),
      })),
      {
        id: '019ab5e6-6c00-7000-8000-0000000000dd',
        household_id: revision.householdId,
        position: 9,
        full_name: 'Removed',
        answers_json: JSON.stringify({ mobile: OLD_PHONE }),
      },
    ])
    .execute()
  await db.deleteFrom('members').where('position', '=', 9).execute()
  await db
    .insertInto('revisions')
    .values({
      id: revision.id,
      household_id: revision.householdId,
      visit_id: revision.visitId,
      base_revision_id: null,
      hlc: revision.hlc,
      payload_json: JSON.stringify(revision),
      status: 'pending',
      reason: null,
      batch_id: null,
      created_at: at,
      sent_at: null,
    })
    .execute()
  await db.destroy()
}

const secretsIn = (bytes: Buffer) =>
  [PHONE, CITIZEN_ID, OLD_PHONE].filter((s) => bytes.includes(Buffer.from(s)))

describe('protecting a walking-skeleton store', () => {
  it('seals its clear rows once, indexes phones and citizen ids by keyed hash, and scrubs the file', async () => {
    const revision = makeRevision({
      responseOverrides: {
        answers: { phone: PHONE },
        members: [
          { citizen_id: CITIZEN_ID },
          { full_name: 'Trần Thị Bình', relation: 'spouse', sex: 'female' },
        ],
      },
    })
    await writeSkeletonStore(revision)
    // Clear text everywhere, including the superseded search text and the deleted member.
    expect(secretsIn(await readFile(dbPath))).toEqual([PHONE, CITIZEN_ID, OLD_PHONE])

    ctx = await openMainContext({ dbPath, keyProvider: fixedTestKeyProvider(), log: silentLogger })

    expect(await getSetting(ctx.db, 'data_protection')).toBeNull()
    const visit = await ctx.db.selectFrom('visits').selectAll().executeTakeFirstOrThrow()
    expect(visit).toMatchObject({ visit_result: 'completed', full_record: 1 })
    expect(visit.response_json.startsWith('enc1:')).toBe(true)
    const members = await ctx.db.selectFrom('members').select('answers_json').execute()
    expect(members.every((m) => m.answers_json.startsWith('enc1:'))).toBe(true)
    const outbox = await ctx.db.selectFrom('revisions').select('payload_json').execute()
    expect(outbox.every((r) => r.payload_json.startsWith('enc1:'))).toBe(true)

    const detail = await getHousehold(ctx, revision.householdId)
    expect(detail.response).toEqual(revision.response)
    const found = async (query: string) => (await listHouseholds(ctx!, { query })).map((h) => h.id)
    expect(await found('0912 345 678')).toEqual([revision.householdId])
    expect(await found(CITIZEN_ID)).toEqual([revision.householdId])
    expect(await found('binh tran')).toEqual([revision.householdId])
    const progress = await villageProgress(ctx, FIXTURE_VILLAGE)
    expect(progress.indicators.find((i) => i.id === 'fibre_households')).toMatchObject({
      numerator: 1,
      denominator: 1,
    })

    await closeMainContext(ctx)
    ctx = null
    const file = await readFile(dbPath)
    expect(file.includes(Buffer.from('Nguyễn Văn A'))).toBe(true)
    expect(secretsIn(file)).toEqual([])
    expect(secretsIn(await readFile(`${dbPath}-wal`).catch(() => Buffer.alloc(0)))).toEqual([])

    // Done once: the next start finds nothing to do and the data still opens.
    ctx = await openMainContext({ dbPath, keyProvider: fixedTestKeyProvider(), log: silentLogger })
    expect((await getHousehold(ctx, revision.householdId)).response).toEqual(revision.response)
  })

  it('leaves a fresh store alone (nothing to protect, no VACUUM)', async () => {
    ctx = await openMainContext({ dbPath, keyProvider: fixedTestKeyProvider(), log: silentLogger })
    expect(await getSetting(ctx.db, 'data_protection')).toBeNull()
    const { rows } = await sql<{ n: number }>`select count(*) as n from households`.execute(ctx.db)
    expect(rows[0]?.n).toBe(0)
    expect(await getSetting(ctx.db, 'indicators_fingerprint')).toBe(indicatorsFingerprint(ctx.db))
  })
})
