import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import {
  type Contribution,
  householdContribution,
} from '../../shared/indicators/compute-indicators'
import type { IndicatorDefinition } from '../../shared/indicators/indicator-definition.schema'
import type { VisitTable } from '../store/server-database.types'
import { contributionParts, monthOf, type Parts, partsJson, visitParts } from './indicator-parts'
import type {
  IndicatorEnumeratorTable,
  IndicatorHouseholdTable,
  IndicatorVisitTable,
} from './indicators.tables'

/**
 * What each household and each visit adds to the indicators, from the stored household
 * state and visits only, so that an incremental update and a rebuild agree:
 * - a household counts with its latest completed visit (greatest visit date, then stamp,
 *   per the visits table). When that visit holds the household's head revision, the
 *   household's current state is the response (a merge of concurrent edits included);
 *   otherwise the visit's newest revision's response is.
 * - each visit counts the help given on it (the tally indicators of that visit's response,
 *   by the same rule) and itself, under the village, month and team member of its newest
 *   revision.
 * Both go through the shared householdContribution, as the desktop's village progress does.
 */

/** A household's current state, as the projection writes it. */
export interface HouseholdStateSource {
  householdId: string
  communeCode: string
  villageCode: string
  /** The head (newest) revision the state belongs to. */
  revisionId: string
  formId: string
  formVersion: number
  visitDate: string
  response: FormResponse
}

/** A revision whose own response a visit counts with. */
export interface RevisionSource {
  id: string
  communeCode: string
  villageCode: string
  formId: string
  formVersion: number
  visitDate: string
  hlc: string
  enumerator: { id: string; name: string } | null
  response: FormResponse
}

export type StoredVisit = Pick<
  VisitTable,
  'id' | 'household_id' | 'revision_id' | 'hlc' | 'visit_date' | 'visit_result'
>

/** Finds a form version the server holds; undefined when unknown. */
export type IndicatorFormLookup = (formId: string, version: number) => FormDefinition | undefined

/** The rows one household's indicators take. */
export interface HouseholdIndicatorRows {
  household: WithParts<IndicatorHouseholdTable> | null
  /** Visits computed anew (all of them, or those whose source changed). */
  visits: WithParts<IndicatorVisitTable>[]
  enumerators: IndicatorEnumeratorTable[]
}

/** A row with its parts at hand, so that summing does not parse the JSON just made. */
export type WithParts<Row> = Row & { parts: Parts }

/** The household's latest completed visit, per the visits table; null when none. */
export function latestCompletedVisit(visits: readonly StoredVisit[]): StoredVisit | null {
  let best: StoredVisit | null = null
  for (const visit of visits) {
    if (visit.visit_result !== 'completed') continue
    if (!best || compareVisits(visit, best) > 0) best = visit
  }
  return best
}

function compareVisits(a: StoredVisit, b: StoredVisit): number {
  if (a.visit_date !== b.visit_date) return a.visit_date < b.visit_date ? -1 : 1
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Whether a visit's stored row still holds: its source is the same revision and was not
 * the household state (a state may have changed without a new revision of the visit).
 */
function stillHolds(visit: StoredVisit, stored: IndicatorVisitTable | undefined, headId: string) {
  return (
    stored !== undefined &&
    stored.from_state === 0 &&
    stored.revision_id === visit.revision_id &&
    visit.revision_id !== headId
  )
}

/**
 * The revisions whose own response or team member is needed for this household: the head
 * (its team member), the latest completed visit's when it is not the head, and every visit
 * to compute again. `stored` is null for a rebuild (every visit is computed).
 */
export function revisionsNeeded(
  state: HouseholdStateSource,
  visits: readonly StoredVisit[],
  stored: ReadonlyMap<string, IndicatorVisitTable> | null,
): string[] {
  const ids = new Set<string>([state.revisionId])
  const latest = latestCompletedVisit(visits)
  if (latest) ids.add(latest.revision_id)
  for (const visit of visits) {
    if (!stored || !stillHolds(visit, stored.get(visit.id), state.revisionId)) {
      ids.add(visit.revision_id)
    }
  }
  return [...ids]
}

/** Computes a household's indicator rows (see the module comment). */
export function householdIndicatorRows(
  indicators: readonly IndicatorDefinition[],
  state: HouseholdStateSource,
  visits: readonly StoredVisit[],
  revisions: ReadonlyMap<string, RevisionSource>,
  forms: IndicatorFormLookup,
  stored: ReadonlyMap<string, IndicatorVisitTable> | null,
): HouseholdIndicatorRows {
  const head = requireRevision(revisions, state.revisionId)
  const tallyIndicators = indicators.filter((i) => i.kind === 'tally')
  const sourceOf = (visit: StoredVisit): Source =>
    visit.revision_id === state.revisionId
      ? {
          fromState: true,
          revision: head,
          form: requireForm(forms, state.formId, state.formVersion),
          visitDate: state.visitDate,
          response: state.response,
          villageCode: state.villageCode,
          communeCode: state.communeCode,
        }
      : revisionSource(requireRevision(revisions, visit.revision_id), forms)

  let household: WithParts<IndicatorHouseholdTable> | null = null
  let latestTallies: Contribution['tallies'] | null = null
  const latest = latestCompletedVisit(visits)
  if (latest) {
    const source = sourceOf(latest)
    const contribution = householdContribution(source.form, indicators, {
      visitDate: source.visitDate,
      response: source.response,
    })
    latestTallies = contribution.tallies
    const parts = contributionParts(contribution)
    household = {
      household_id: state.householdId,
      commune_code: state.communeCode,
      village_code: state.villageCode,
      month: monthOf(latest.visit_date),
      visit_date: latest.visit_date,
      visit_id: latest.id,
      revision_id: latest.revision_id,
      from_state: source.fromState ? 1 : 0,
      parts_json: partsJson(parts),
      parts,
    }
  }

  const visitRows: WithParts<IndicatorVisitTable>[] = []
  const enumerators: IndicatorEnumeratorTable[] = []
  for (const visit of visits) {
    if (stored && stillHolds(visit, stored.get(visit.id), state.revisionId)) continue
    const source = sourceOf(visit)
    // The help given on a visit: the tally indicators of its response (already counted
    // when it is the latest completed visit — same function, same response).
    const tallies =
      latestTallies && latest?.id === visit.id
        ? latestTallies
        : householdContribution(source.form, tallyIndicators, {
            visitDate: source.visitDate,
            response: source.response,
          }).tallies
    const enumerator = source.revision.enumerator
    const parts = visitParts(tallies, visit.visit_result === 'completed')
    visitRows.push({
      visit_id: visit.id,
      household_id: state.householdId,
      commune_code: source.communeCode,
      village_code: source.villageCode,
      month: monthOf(visit.visit_date),
      enumerator_id: enumerator?.id ?? '',
      revision_id: visit.revision_id,
      from_state: source.fromState ? 1 : 0,
      parts_json: partsJson(parts),
      parts,
    })
    if (enumerator) {
      enumerators.push({
        id: enumerator.id,
        name: enumerator.name,
        commune_code: source.communeCode,
        hlc: source.revision.hlc,
      })
    }
  }
  return { household, visits: visitRows, enumerators }
}

interface Source {
  fromState: boolean
  revision: RevisionSource
  form: FormDefinition
  visitDate: string
  response: FormResponse
  villageCode: string
  communeCode: string
}

function revisionSource(revision: RevisionSource, forms: IndicatorFormLookup): Source {
  return {
    fromState: false,
    revision,
    form: requireForm(forms, revision.formId, revision.formVersion),
    visitDate: revision.visitDate,
    response: revision.response,
    villageCode: revision.villageCode,
    communeCode: revision.communeCode,
  }
}

function requireRevision(
  revisions: ReadonlyMap<string, RevisionSource>,
  id: string,
): RevisionSource {
  const revision = revisions.get(id)
  if (!revision) throw new Error(`indicators: revision ${id} was not loaded`)
  return revision
}

function requireForm(forms: IndicatorFormLookup, formId: string, version: number): FormDefinition {
  const form = forms(formId, version)
  // Every stored state was accepted against a form version the server holds.
  if (!form) throw new Error(`indicators: form ${formId} version ${version} is unknown`)
  return form
}
