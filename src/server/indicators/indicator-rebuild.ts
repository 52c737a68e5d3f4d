import type { Kysely, Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import type { IndicatorDefinition } from '../../shared/indicators/indicator-definition.schema'
import type { ServerDatabase } from '../store/server-database.types'
import { serverIndicators } from './indicator-changes'
import {
  type HouseholdStateSource,
  householdIndicatorRows,
  type RevisionSource,
  revisionsNeeded,
} from './indicator-sources'
import {
  dialectOf,
  indicatorForms,
  loadRevisionSources,
  visitsOf,
  writeIndicators,
} from './indicator-store'
import { IndicatorSums } from './indicator-sums'
import type { IndicatorEnumeratorTable } from './indicators.tables'

/** Households read and computed at a time. */
const PAGE = 1000

/** What a rebuild went through. */
export interface RebuildSummary {
  households: number
  counted: number
  visits: number
}

/**
 * Recomputes every indicator row from the stored households, visits and revisions — the
 * same computation ingest applies as deltas — replacing what was there. Used by migration
 * 0009 to fill the tables from households stored before it, after a change of the indicator
 * definitions, and by tests to check that the incremental rows equal a rebuild. Call it in
 * a transaction (`rebuildIndicatorsNow` opens one): readers see the old rows or the new.
 */
export async function rebuildIndicators(
  trx: Transaction<ServerDatabase>,
  indicators: readonly IndicatorDefinition[] = serverIndicators,
): Promise<RebuildSummary> {
  const dialect = dialectOf(trx)
  for (const table of [
    'indicator_households',
    'indicator_visits',
    'indicator_sums',
    'indicator_member_sums',
    'indicator_enumerators',
  ] as const) {
    await trx.deleteFrom(table).execute()
  }
  const sums = new IndicatorSums()
  const names = new Map<string, IndicatorEnumeratorTable>()
  const summary: RebuildSummary = { households: 0, counted: 0, visits: 0 }
  let after = ''
  for (;;) {
    const page = await trx
      .selectFrom('households')
      .select([
        'id',
        'commune_code',
        'village_code',
        'revision_id',
        'form_id',
        'form_version',
        'visit_date',
        'response_json',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()
    if (page.length === 0) break
    after = page.at(-1)?.id ?? after
    const states: HouseholdStateSource[] = page.map((row) => ({
      householdId: row.id,
      communeCode: row.commune_code,
      villageCode: row.village_code,
      revisionId: row.revision_id,
      formId: row.form_id,
      formVersion: Number(row.form_version),
      visitDate: row.visit_date,
      response: JSON.parse(row.response_json) as FormResponse,
    }))
    const visits = await visitsOf(
      trx,
      states.map((s) => s.householdId),
    )
    const revisions = new Map<string, RevisionSource>()
    const needed = states.flatMap((s) => revisionsNeeded(s, visits.get(s.householdId) ?? [], null))
    await loadRevisionSources(trx, needed, revisions)
    const forms = await indicatorForms(trx, [...states, ...revisions.values()])
    const households = []
    const visitRows = []
    for (const state of states) {
      const rows = householdIndicatorRows(
        indicators,
        state,
        visits.get(state.householdId) ?? [],
        revisions,
        forms,
        null,
      )
      if (rows.household) {
        households.push(rows.household)
        sums.addHousehold(rows.household, 1)
      }
      for (const visit of rows.visits) {
        visitRows.push(visit)
        sums.addVisit(visit, 1)
      }
      for (const name of rows.enumerators) {
        const held = names.get(name.id)
        if (!held || held.hlc < name.hlc) names.set(name.id, name)
      }
    }
    await writeIndicators(trx, dialect, {
      households,
      dropped: [],
      visits: visitRows,
      enumerators: [],
      sums: new IndicatorSums(),
    })
    summary.households += states.length
    summary.counted += households.length
    summary.visits += visitRows.length
  }
  await writeIndicators(trx, dialect, {
    households: [],
    dropped: [],
    visits: [],
    enumerators: [...names.values()],
    sums,
  })
  return summary
}

/** Rebuilds the indicators in a transaction of its own. */
export function rebuildIndicatorsNow(
  db: Kysely<ServerDatabase>,
  indicators: readonly IndicatorDefinition[] = serverIndicators,
): Promise<RebuildSummary> {
  return db.transaction().execute((trx) => rebuildIndicators(trx, indicators))
}
