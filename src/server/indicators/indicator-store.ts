import { type Kysely, PostgresAdapter, type Transaction } from 'kysely'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { findPublishedForm } from '../forms/form-registry'
import type { StoreDialect } from '../store/server-database'
import type { ServerDatabase } from '../store/server-database.types'
import { chunked, insertRows, type RowsInsert } from '../sync/ingest-chunks'
import type { IndicatorFormLookup, RevisionSource, StoredVisit } from './indicator-sources'
import type { IndicatorSums } from './indicator-sums'
import type {
  IndicatorEnumeratorTable,
  IndicatorHouseholdTable,
  IndicatorMemberSumTable,
  IndicatorSumTable,
  IndicatorVisitTable,
} from './indicators.tables'

type Db = Kysely<ServerDatabase>
type Trx = Transaction<ServerDatabase>

/** The store's dialect, read from the connection (a migration is not told it). */
export function dialectOf(db: Db): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/** The visits of each household. */
export async function visitsOf(db: Db, householdIds: readonly string[]) {
  const visits = new Map<string, StoredVisit[]>()
  for (const chunk of chunked(householdIds, 1)) {
    const rows = await db
      .selectFrom('visits')
      .select(['id', 'household_id', 'revision_id', 'hlc', 'visit_date', 'visit_result'])
      .where('household_id', 'in', chunk)
      .execute()
    for (const row of rows) {
      const list = visits.get(row.household_id)
      if (list) list.push(row)
      else visits.set(row.household_id, [row])
    }
  }
  // The database's order is its collation's; this is the same everywhere.
  for (const list of visits.values()) list.sort((a, b) => (a.id < b.id ? -1 : 1))
  return visits
}

/** The stored contribution row of each household that has one. */
export async function storedHouseholdRows(db: Db, householdIds: readonly string[]) {
  const rows = new Map<string, IndicatorHouseholdTable>()
  for (const chunk of chunked(householdIds, 1)) {
    const found = await db
      .selectFrom('indicator_households')
      .selectAll()
      .where('household_id', 'in', chunk)
      .execute()
    for (const row of found) rows.set(row.household_id, row)
  }
  return rows
}

/** The stored visit rows of each household, by visit id. */
export async function storedVisitRows(db: Db, householdIds: readonly string[]) {
  const rows = new Map<string, Map<string, IndicatorVisitTable>>()
  for (const chunk of chunked(householdIds, 1)) {
    const found = await db
      .selectFrom('indicator_visits')
      .selectAll()
      .where('household_id', 'in', chunk)
      .execute()
    for (const row of found) {
      let byVisit = rows.get(row.household_id)
      if (!byVisit) {
        byVisit = new Map()
        rows.set(row.household_id, byVisit)
      }
      byVisit.set(row.visit_id, row)
    }
  }
  return rows
}

/** A revision as a source of indicators, with the response it was accepted with. */
export function revisionSourceOf(
  revision: HouseholdRevision,
  response: FormResponse,
): RevisionSource {
  return {
    id: revision.id,
    communeCode: revision.communeCode,
    villageCode: revision.villageCode,
    formId: revision.formId,
    formVersion: revision.formVersion,
    visitDate: revision.visitDate,
    hlc: revision.hlc,
    enumerator: revision.enumerator ?? null,
    response,
  }
}

/** Loads logged revisions (their cleaned response when cleaning changed it) into `into`. */
export async function loadRevisionSources(
  db: Db,
  ids: Iterable<string>,
  into: Map<string, RevisionSource>,
): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !into.has(id))
  for (const chunk of chunked(missing, 1)) {
    const rows = await db
      .selectFrom('revisions')
      .select(['id', 'payload_json', 'clean_response_json'])
      .where('id', 'in', chunk)
      .execute()
    for (const row of rows) {
      const revision = JSON.parse(row.payload_json) as HouseholdRevision
      const response = row.clean_response_json
        ? (JSON.parse(row.clean_response_json) as FormResponse)
        : revision.response
      into.set(row.id, revisionSourceOf(revision, response))
    }
  }
}

/** The form versions named, looked up once each (published versions never change). */
export async function indicatorForms(
  db: Db,
  refs: Iterable<{ formId: string; formVersion: number }>,
): Promise<IndicatorFormLookup> {
  const forms = new Map<string, FormDefinition | undefined>()
  for (const { formId, formVersion } of refs) {
    const key = `${formId}@${formVersion}`
    if (!forms.has(key)) forms.set(key, await findPublishedForm(db, formId, formVersion))
  }
  return (formId, version) => forms.get(`${formId}@${version}`)
}

const HOUSEHOLD_UPSERT: RowsInsert<IndicatorHouseholdTable> = {
  table: 'indicator_households',
  columns: {
    household_id: 'text',
    commune_code: 'text',
    village_code: 'text',
    month: 'text',
    visit_date: 'text',
    visit_id: 'text',
    revision_id: 'text',
    from_state: 'int8',
    parts_json: 'text',
  },
  tail: `on conflict ("household_id") do update set ${setExcluded([
    'commune_code',
    'village_code',
    'month',
    'visit_date',
    'visit_id',
    'revision_id',
    'from_state',
    'parts_json',
  ])}`,
}

const VISIT_UPSERT: RowsInsert<IndicatorVisitTable> = {
  table: 'indicator_visits',
  columns: {
    visit_id: 'text',
    household_id: 'text',
    commune_code: 'text',
    village_code: 'text',
    month: 'text',
    enumerator_id: 'text',
    revision_id: 'text',
    from_state: 'int8',
    parts_json: 'text',
  },
  tail: `on conflict ("visit_id") do update set ${setExcluded([
    'household_id',
    'commune_code',
    'village_code',
    'month',
    'enumerator_id',
    'revision_id',
    'from_state',
    'parts_json',
  ])}`,
}

const SUM_UPSERT: RowsInsert<IndicatorSumTable> = {
  table: 'indicator_sums',
  columns: {
    level: 'text',
    place: 'text',
    commune_code: 'text',
    month: 'text',
    part: 'text',
    value: 'int8',
  },
  tail: 'on conflict ("level", "place", "month", "part") do update set "value" = "indicator_sums"."value" + excluded."value"',
}

const MEMBER_SUM_UPSERT: RowsInsert<IndicatorMemberSumTable> = {
  table: 'indicator_member_sums',
  columns: {
    commune_code: 'text',
    village_code: 'text',
    enumerator_id: 'text',
    month: 'text',
    part: 'text',
    value: 'int8',
  },
  tail: 'on conflict ("commune_code", "village_code", "month", "enumerator_id", "part") do update set "value" = "indicator_member_sums"."value" + excluded."value"',
}

/** A name is taken from a newer stamp only. */
const ENUMERATOR_UPSERT: RowsInsert<IndicatorEnumeratorTable> = {
  table: 'indicator_enumerators',
  columns: { id: 'text', name: 'text', commune_code: 'text', hlc: 'text' },
  tail: `on conflict ("id") do update set ${setExcluded(['name', 'commune_code', 'hlc'])} where "indicator_enumerators"."hlc" < excluded."hlc"`,
}

function setExcluded(columns: readonly string[]): string {
  return columns.map((c) => `"${c}" = excluded."${c}"`).join(', ')
}

/** What to write: rows that replace stored ones, households that no longer count, sums. */
export interface IndicatorWrite {
  households: readonly IndicatorHouseholdTable[]
  /** Households whose stored contribution goes (no completed visit any more). */
  dropped: readonly string[]
  visits: readonly IndicatorVisitTable[]
  enumerators: readonly IndicatorEnumeratorTable[]
  sums: IndicatorSums
}

/** Writes indicator changes with one multi-row statement per table (and chunk). */
export async function writeIndicators(
  trx: Trx,
  dialect: StoreDialect,
  write: IndicatorWrite,
): Promise<void> {
  for (const chunk of chunked(write.dropped, 1)) {
    await trx.deleteFrom('indicator_households').where('household_id', 'in', chunk).execute()
  }
  await insertRows(trx, dialect, HOUSEHOLD_UPSERT, write.households)
  await insertRows(trx, dialect, VISIT_UPSERT, write.visits)
  await insertRows(trx, dialect, ENUMERATOR_UPSERT, newestNames(write.enumerators))
  await insertRows(trx, dialect, SUM_UPSERT, write.sums.sumRows())
  await insertRows(trx, dialect, MEMBER_SUM_UPSERT, write.sums.memberRows())
}

/** One row per team member (a statement may not update a row twice): the newest name. */
function newestNames(rows: readonly IndicatorEnumeratorTable[]): IndicatorEnumeratorTable[] {
  const newest = new Map<string, IndicatorEnumeratorTable>()
  for (const row of rows) {
    const held = newest.get(row.id)
    if (!held || held.hlc < row.hlc) newest.set(row.id, row)
  }
  return [...newest.values()]
}
