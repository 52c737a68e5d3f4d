import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { sqliteFilePath } from '../../../src/server/config/server-config'
import { listHouseholds } from '../../../src/server/household/household-list.repository'
import { serverMigrationProvider } from '../../../src/server/store/migrations/server-migrations'
import { openServerDatabase, type ServerStore } from '../../../src/server/store/server-database'
import type { ServerDatabase } from '../../../src/server/store/server-database.types'
import { householdFacts } from '../../../src/shared/household/household-facts'
import { foldText } from '../../../src/shared/text/fold'
import { makeRevision } from '../../support/household-fixtures'
import { serverStores, type TestStoreConfig } from '../../support/server-stores'

/**
 * Migration 0010 on a store that already holds households: their search text is made
 * again (citizen ids now included) and they are indexed, their review decision too, so
 * the console finds them as it finds households ingested afterwards.
 */
describe.each(serverStores())('the search index migration on $name', (variant) => {
  let made: TestStoreConfig | null = null
  let store: ServerStore | null = null
  afterEach(async () => {
    await store?.close()
    await made?.dispose()
    store = null
    made = null
  })

  /** The store migrated up to (and including) `last`, through the server's own migrations. */
  async function storeUpTo(last: string): Promise<Kysely<ServerDatabase>> {
    made = await variant.createConfig()
    const { config } = made
    let db: Kysely<ServerDatabase>
    if (config.databaseUrl) {
      db = new Kysely({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: config.databaseUrl, max: 2 }),
        }),
      })
    } else {
      mkdirSync(config.dataDir, { recursive: true })
      db = new Kysely({
        dialect: new SqliteDialect({ database: new Database(sqliteFilePath(config)) }),
      })
    }
    const { error } = await new Migrator({ db, provider: serverMigrationProvider }).migrateTo(last)
    if (error) throw error
    return db
  }

  it('re-makes and indexes the search text of the households stored before it', async () => {
    const db = await storeUpTo('0008-reviews')
    const revision = makeRevision({
      responseOverrides: {
        answers: { head_name: 'Vàng Seo Dìn' },
        members: [{ full_name: 'Vàng Seo Dìn', citizen_id: '008085001122' }],
      },
    })
    const now = '2025-11-24T16:00:00.000Z'
    await db
      .insertInto('batches')
      .values({
        id: revision.id,
        device_id: revision.deviceId,
        commune_code: revision.communeCode,
        device_sent_at: now,
        received_at: now,
        accepted: 1,
        duplicate: 0,
        rejected: 0,
        source: 'http',
        device_created_at: now,
        clock_behind: 0,
        file_bytes: null,
        status: 'ingested',
        error_code: null,
        claimed_batch_id: null,
      })
      .execute()
    await db
      .insertInto('revisions')
      .values({
        id: revision.id,
        batch_id: revision.id,
        household_id: revision.householdId,
        visit_id: revision.visitId,
        device_id: revision.deviceId,
        commune_code: revision.communeCode,
        hlc: revision.hlc,
        base_revision_id: null,
        status: 'accepted',
        reason: null,
        issues_json: null,
        payload_json: JSON.stringify(revision),
        device_saved_at: revision.savedAt,
        received_at: now,
        clean_response_json: null,
      })
      .execute()
    const facts = householdFacts(revision.response)
    await db
      .insertInto('households')
      .values({
        id: revision.householdId,
        commune_code: revision.communeCode,
        village_code: revision.villageCode,
        head_name: facts.headName,
        // The text as the walking skeleton made it: names only.
        search_text: foldText(facts.headName),
        address: facts.address,
        member_count: facts.memberCount,
        visit_result: facts.visitResult,
        visit_date: revision.visitDate,
        revision_id: revision.id,
        hlc: revision.hlc,
        device_id: revision.deviceId,
        form_id: revision.formId,
        form_version: revision.formVersion,
        response_json: JSON.stringify(revision.response),
        received_at: now,
        updated_at: now,
        merged: 0,
        change_seq: 7,
      })
      .execute()
    await db
      .insertInto('household_reviews')
      .values({
        household_id: revision.householdId,
        commune_code: revision.communeCode,
        state: 'approved',
        revision_id: revision.id,
        change_seq: 7,
        comment: null,
        reviewed_by: 'u',
        reviewed_by_name: 'Cán bộ',
        reviewed_at: now,
      })
      .execute()
    await db.destroy()

    if (!made) throw new Error('no store')
    store = await openServerDatabase(made.config)
    const find = async (query: Record<string, string>) =>
      (
        await listHouseholds(store?.db as Kysely<ServerDatabase>, variant.name, {
          limit: 50,
          offset: 0,
          ...query,
        })
      ).items.map((h) => [h.id, h.reviewState])
    const row = await store.db
      .selectFrom('households')
      .select('search_text')
      .executeTakeFirstOrThrow()
    expect(row.search_text).toContain('008085001122')
    expect(await find({ q: '008085001122' })).toEqual([[revision.householdId, 'approved']])
    expect(await find({ q: 'vang seo' })).toEqual([[revision.householdId, 'approved']])
    expect(await find({ q: 'din', reviewState: 'approved' })).toEqual([
      [revision.householdId, 'approved'],
    ])
    expect(await find({ q: 'din', reviewState: 'received' })).toEqual([])
  })
})
