import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Kysely, type Selectable, sql } from 'kysely'
import { builtinForms } from '../src/server/forms/form-registry'
import type {
  IndicatorEnumeratorTable,
  IndicatorMemberSumTable,
  IndicatorSumTable,
} from '../src/server/indicators/indicators.tables'
import type { ServerDatabase } from '../src/server/store/server-database.types'
import { judgeRevision } from '../src/server/sync/revision-verdict'
import type { SyncBatch } from '../src/shared/api/http.contract'
import type { HouseholdRevision } from '../src/shared/household/household-revision.schema'
import { newId } from '../src/shared/ids/uuid'
import { realisticRevisions } from '../tests/fixtures/batches/realistic-households'
import type { CachedStore } from './province-bench.data'

/**
 * The ingest of bench/province.bench.ts and how it is taken back out. The bench imports
 * new households into a cached store; before the first batch it writes down what it is
 * about to add (batch and household ids) and the indicator sums those households change
 * (the province's and their commune's rows), so that afterwards — or at the start of the
 * next run, if this one was killed — every row of those households is deleted and the sums
 * are put back as they were, in one transaction checked against the row counts and the
 * indicator sums before.
 */

/** Members per generated household: the province's 4,000,000 for 1,000,000 households. */
const MEMBERS = 4

/**
 * `count` batches of `households` new households each, all of `communeCode` (their villages
 * spread over `villageCodes`), made on the laptop `deviceId`, each response as the laptop
 * saves it (the form's cleaned response, as ingest.bench.ts's asDevicesSave).
 */
export function ingestBatches(options: {
  count: number
  households: number
  communeCode: string
  villageCodes: readonly string[]
  deviceId: string
  firstSeed: number
}): SyncBatch[] {
  const { communeCode, villageCodes, deviceId } = options
  return Array.from({ length: options.count }, (_, b) => {
    const generated = realisticRevisions({
      count: options.households,
      seed: options.firstSeed + b,
      members: MEMBERS,
      deviceId,
      communeCode,
    })
    const revisions = generated.map((revision, i): HouseholdRevision => {
      const villageCode = villageCodes[(i * 7 + b) % villageCodes.length] ?? ''
      const moved = {
        ...revision,
        villageCode,
        response: {
          ...revision.response,
          answers: { ...revision.response.answers, village: villageCode },
        },
      }
      const verdict = judgeRevision({ communeCode }, moved, builtinForms, villageCodes)
      if (verdict.status !== 'accepted') {
        throw new Error(`bench revision ${i} of batch ${b} is not valid: ${verdict.reason}`)
      }
      return { ...moved, response: verdict.response }
    })
    const last = Math.max(...revisions.map((r) => Date.parse(r.savedAt)))
    return {
      batchId: newId(),
      deviceId,
      communeCode,
      sentAt: new Date(last + 3_600_000).toISOString(),
      revisions,
    }
  })
}

/** Row counts the clean-up must bring the store back to. */
export interface StoreCounts {
  households: number
  members: number
  visits: number
  revisions: number
  batches: number
}

export async function storeCounts(db: Kysely<ServerDatabase>): Promise<StoreCounts> {
  const count = async (table: keyof StoreCounts) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  return {
    households: await count('households'),
    members: await count('members'),
    visits: await count('visits'),
    revisions: await count('revisions'),
    batches: await count('batches'),
  }
}

/**
 * A digest of every indicator sum row, in key order: the clean-up must leave them all
 * exactly as they were, the ones it put back and the ones it did not touch.
 */
export async function sumsDigest(db: Kysely<ServerDatabase>): Promise<string> {
  const hash = createHash('sha256')
  const sums = await db
    .selectFrom('indicator_sums')
    .selectAll()
    .orderBy('level')
    .orderBy('place')
    .orderBy('month')
    .orderBy('part')
    .execute()
  for (const r of sums)
    hash.update(`${r.level}|${r.place}|${r.commune_code}|${r.month}|${r.part}|${r.value}\n`)
  const members = await db
    .selectFrom('indicator_member_sums')
    .selectAll()
    .orderBy('commune_code')
    .orderBy('village_code')
    .orderBy('enumerator_id')
    .orderBy('month')
    .orderBy('part')
    .execute()
  for (const r of members) {
    hash.update(
      `${r.commune_code}|${r.village_code}|${r.enumerator_id}|${r.month}|${r.part}|${r.value}\n`,
    )
  }
  const names = await db.selectFrom('indicator_enumerators').selectAll().orderBy('id').execute()
  for (const r of names) hash.update(`${r.id}|${r.name}|${r.commune_code}|${r.hlc}\n`)
  return hash.digest('hex')
}

/** What the bench is about to add to a store, and the sums those additions change. */
export interface PendingIngest {
  communeCode: string
  batchIds: string[]
  householdIds: string[]
  enumeratorIds: string[]
  counts: StoreCounts
  digest: string
  sums: Selectable<IndicatorSumTable>[]
  memberSums: Selectable<IndicatorMemberSumTable>[]
  enumerators: Selectable<IndicatorEnumeratorTable>[]
}

const PENDING_FILE = 'bench-ingest-pending.json'

/** Writes down what `batches` will add to the store (call before the first is sent). */
export async function recordPendingIngest(
  store: CachedStore,
  db: Kysely<ServerDatabase>,
  communeCode: string,
  batches: readonly SyncBatch[],
): Promise<void> {
  const enumeratorIds = [
    ...new Set(batches.flatMap((b) => b.revisions.flatMap((r) => r.enumerator?.id ?? []))),
  ]
  const pending: PendingIngest = {
    communeCode,
    batchIds: batches.map((b) => b.batchId),
    householdIds: batches.flatMap((b) => b.revisions.map((r) => r.householdId)),
    enumeratorIds,
    counts: await storeCounts(db),
    digest: await sumsDigest(db),
    sums: await touchedSums(db, communeCode).selectAll().execute(),
    memberSums: await touchedMemberSums(db, communeCode).selectAll().execute(),
    enumerators: await touchedEnumerators(db, communeCode, enumeratorIds).selectAll().execute(),
  }
  await writeFile(join(store.stateDir, PENDING_FILE), JSON.stringify(pending))
}

// The province's rows (commune_code '') and the commune's: all the households can change.
const touchedSums = (db: Kysely<ServerDatabase>, communeCode: string) =>
  db
    .selectFrom('indicator_sums')
    .where((eb) => eb.or([eb('level', '=', 'province'), eb('commune_code', '=', communeCode)]))
const touchedMemberSums = (db: Kysely<ServerDatabase>, communeCode: string) =>
  db.selectFrom('indicator_member_sums').where('commune_code', 'in', [communeCode, ''])
const touchedEnumerators = (db: Kysely<ServerDatabase>, communeCode: string, ids: string[]) =>
  db
    .selectFrom('indicator_enumerators')
    .where((eb) =>
      eb.or([
        eb('commune_code', '=', communeCode),
        ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
      ]),
    )

/** Ids per statement (SQLite and pg both take far more; this keeps statements small). */
const CHUNK = 500

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Takes out what a pending ingest added, if one is recorded: the households and every row
 * hanging off them, their revisions and batches; the touched sums put back. Checked against
 * the counts before the ingest (else rolled back and thrown). Run it with no server on the
 * store. Returns false when nothing was pending.
 */
export async function undoPendingIngest(
  store: CachedStore,
  db: Kysely<ServerDatabase>,
): Promise<boolean> {
  const file = join(store.stateDir, PENDING_FILE)
  if (!existsSync(file)) return false
  const pending = JSON.parse(await readFile(file, 'utf8')) as PendingIngest
  const { communeCode, enumeratorIds } = pending
  await db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') {
      // Children go before parents below, so the foreign key triggers may rest (as the
      // SQLite connection's checks do, see openStore): with them, each deleted revision
      // would scan the households and visits, whose revision_id has no index.
      await sql`set local session_replication_role = replica`.execute(trx)
    }
    for (const ids of chunks(pending.householdIds)) {
      for (const table of [
        'indicator_visits',
        'indicator_households',
        'household_reviews',
        'review_events',
        'conflicts',
        'members',
        'visits',
      ] as const) {
        await trx.deleteFrom(table).where('household_id', 'in', ids).execute()
      }
      await trx.deleteFrom('households').where('id', 'in', ids).execute()
    }
    for (const ids of chunks(pending.batchIds)) {
      await trx.deleteFrom('revisions').where('batch_id', 'in', ids).execute()
      await trx.deleteFrom('batches').where('id', 'in', ids).execute()
    }
    await trx
      .deleteFrom('indicator_sums')
      .where((eb) => eb.or([eb('level', '=', 'province'), eb('commune_code', '=', communeCode)]))
      .execute()
    for (const rows of chunks(pending.sums)) {
      await trx.insertInto('indicator_sums').values(rows).execute()
    }
    await trx
      .deleteFrom('indicator_member_sums')
      .where('commune_code', 'in', [communeCode, ''])
      .execute()
    for (const rows of chunks(pending.memberSums)) {
      await trx.insertInto('indicator_member_sums').values(rows).execute()
    }
    await trx
      .deleteFrom('indicator_enumerators')
      .where((eb) =>
        eb.or([
          eb('commune_code', '=', communeCode),
          ...(enumeratorIds.length > 0 ? [eb('id', 'in', enumeratorIds)] : []),
        ]),
      )
      .execute()
    for (const rows of chunks(pending.enumerators)) {
      await trx.insertInto('indicator_enumerators').values(rows).execute()
    }
    const after = await storeCounts(trx)
    if (JSON.stringify(after) !== JSON.stringify(pending.counts)) {
      throw new Error(
        `the bench's ingest was not taken out cleanly: ${JSON.stringify(after)} ≠ ${JSON.stringify(pending.counts)}`,
      )
    }
    if ((await sumsDigest(trx)) !== pending.digest) {
      throw new Error("the bench's ingest was not taken out cleanly: the indicator sums differ")
    }
  })
  await rm(file)
  return true
}
