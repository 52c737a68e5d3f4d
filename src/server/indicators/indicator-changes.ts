import type { Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { defaultIndicators } from '../../shared/indicators/default-indicators'
import type { IndicatorDefinition } from '../../shared/indicators/indicator-definition.schema'
import type { StoreDialect } from '../store/server-database'
import type { ServerDatabase } from '../store/server-database.types'
import type { AcceptedRevision, HeadRevision } from '../sync/household-projection'
import {
  type HouseholdStateSource,
  householdIndicatorRows,
  type RevisionSource,
  revisionsNeeded,
} from './indicator-sources'
import {
  indicatorForms,
  loadRevisionSources,
  revisionSourceOf,
  storedHouseholdRows,
  storedVisitRows,
  visitsOf,
  writeIndicators,
} from './indicator-store'
import { IndicatorSums } from './indicator-sums'
import type {
  IndicatorEnumeratorTable,
  IndicatorHouseholdTable,
  IndicatorVisitTable,
} from './indicators.tables'

/** The indicators the server keeps: the same definitions the desktop shows. */
export const serverIndicators: readonly IndicatorDefinition[] = defaultIndicators

/** A household state the projection has just written. */
export interface IndicatorStateWrite {
  head: HeadRevision
  response: FormResponse
}

/**
 * Brings the indicators up to date with household states just written, in the same
 * transaction (call it after the households and visits rows are written). For each
 * household: its old contribution out and its new one in, and each visit whose source
 * changed (those of this ingest, the one holding the head, the one that held it before)
 * out and in again — per village, commune and province, per month and in total. Stored
 * rows are read in a few multi-row selects; responses of the ingest come from `accepted`.
 */
export async function applyIndicatorChanges(
  trx: Transaction<ServerDatabase>,
  dialect: StoreDialect,
  writes: readonly IndicatorStateWrite[],
  accepted: readonly AcceptedRevision[],
  indicators: readonly IndicatorDefinition[] = serverIndicators,
): Promise<void> {
  if (writes.length === 0) return
  const ids = writes.map((w) => w.head.householdId)
  const visits = await visitsOf(trx, ids)
  const oldHouseholds = await storedHouseholdRows(trx, ids)
  const oldVisits = await storedVisitRows(trx, ids)
  const revisions = new Map<string, RevisionSource>()
  for (const { revision, response } of accepted) {
    revisions.set(revision.id, revisionSourceOf(revision, response))
  }
  const states = writes.map(stateOf)
  const needed = states.flatMap((state) =>
    revisionsNeeded(
      state,
      visits.get(state.householdId) ?? [],
      oldVisits.get(state.householdId) ?? new Map(),
    ),
  )
  await loadRevisionSources(trx, needed, revisions)
  const forms = await indicatorForms(trx, [
    ...states,
    ...needed.flatMap((id) => revisions.get(id) ?? []),
  ])

  const sums = new IndicatorSums()
  const households: IndicatorHouseholdTable[] = []
  const dropped: string[] = []
  const visitRows: IndicatorVisitTable[] = []
  const enumerators: IndicatorEnumeratorTable[] = []
  for (const state of states) {
    const stored = oldVisits.get(state.householdId) ?? new Map<string, IndicatorVisitTable>()
    const rows = householdIndicatorRows(
      indicators,
      state,
      visits.get(state.householdId) ?? [],
      revisions,
      forms,
      stored,
    )
    const old = oldHouseholds.get(state.householdId)
    if (old) sums.addHousehold(old, -1)
    if (rows.household) {
      sums.addHousehold(rows.household, 1)
      households.push(rows.household)
    } else if (old) {
      dropped.push(state.householdId)
    }
    for (const visit of rows.visits) {
      const before = stored.get(visit.visit_id)
      if (before) sums.addVisit(before, -1)
      sums.addVisit(visit, 1)
      visitRows.push(visit)
    }
    enumerators.push(...rows.enumerators)
  }
  await writeIndicators(trx, dialect, { households, dropped, visits: visitRows, enumerators, sums })
}

function stateOf(write: IndicatorStateWrite): HouseholdStateSource {
  const { head, response } = write
  return {
    householdId: head.householdId,
    communeCode: head.communeCode,
    villageCode: head.villageCode,
    revisionId: head.id,
    formId: head.formId,
    formVersion: head.formVersion,
    visitDate: head.visitDate,
    response,
  }
}
