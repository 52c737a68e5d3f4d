import type { Kysely } from 'kysely'
import type { ExportFilter } from '../../shared/api/http.contract'
import { type FormDefinition, flattenQuestions } from '../../shared/forms/form-definition.schema'
import { findVillage as findPilotVillage } from '../../shared/places/pilot-places'
import { findPublishedForm } from '../forms/form-registry'
import { listVersionRows } from '../forms/form-version.repository'
import { findCommune, findProvince } from '../places/official-units'
import { getProvinceCode } from '../settings/server-settings'
import type { ServerDatabase } from '../store/server-database.types'
import {
  type IndicatorLevel,
  type IndicatorRow,
  IndicatorTotals,
  type RegisteredVillage,
  tallyChoiceLabels,
} from './export-indicators'
import { formsByKey, type PlaceNames, RecordFormatter } from './export-records'

/** What an export needs besides the households: forms, names, the village register. */
export interface ExportPlan {
  filter: ExportFilter
  provinceName: string | null
  names: PlaceNames
  formatter: RecordFormatter
  /** Indicator sums, fed by the writer as households stream past. */
  totals: IndicatorTotals
  /** The indicators sheet's rows, once every household went through `totals`. */
  indicatorRows(): IndicatorRow[]
  /** The Vietnamese label of a visit result code (newest form wording). */
  visitResultLabel(code: string): string
}

/**
 * Loads what an export is written with: every published form version (each record is
 * shown with its own), commune names from the official list, the province's villages
 * (names and registered households, the coverage denominator) within the filter's place.
 */
export async function planExport(
  db: Kysely<ServerDatabase>,
  filter: ExportFilter,
): Promise<ExportPlan> {
  const forms = await publishedForms(db)
  const byKey = formsByKey(forms)
  const provinceCode = await getProvinceCode(db)
  const villages = await villagesOf(db, filter)
  const villageNames = new Map(villages.map((v) => [v.villageCode, v.name]))
  // Deactivated villages have no households left to survey; their old records still count.
  const register = villages.filter((v) => v.active)
  const names: PlaceNames = {
    communeName: (code) => findCommune(code)?.name ?? null,
    villageName: (code) => villageNames.get(code) ?? findPilotVillage(code)?.name ?? null,
  }
  const totals = new IndicatorTotals()
  const levels = new Set<IndicatorLevel>(['village'])
  if (!filter.villageCode) levels.add('commune')
  if (!filter.villageCode && !filter.communeCode) levels.add('province')
  const tallies = tallyChoiceLabels(forms)
  const visitResults = visitResultLabels(forms)
  return {
    filter,
    provinceName: provinceCode ? (findProvince(provinceCode)?.name ?? null) : null,
    names,
    formatter: new RecordFormatter(byKey, names),
    totals,
    indicatorRows: () => totals.rows(register, names, levels, tallies),
    visitResultLabel: (code) => visitResults.get(code) ?? code,
  }
}

async function publishedForms(db: Kysely<ServerDatabase>): Promise<FormDefinition[]> {
  const forms: FormDefinition[] = []
  for (const row of await listVersionRows(db)) {
    const form = await findPublishedForm(db, row.form_id, row.version)
    if (form) forms.push(form)
  }
  return forms
}

/** The province's villages within the filter's place, deactivated ones included. */
async function villagesOf(
  db: Kysely<ServerDatabase>,
  filter: ExportFilter,
): Promise<(RegisteredVillage & { name: string; active: boolean })[]> {
  let query = db
    .selectFrom('villages')
    .select(['code', 'commune_code', 'name', 'registered_households', 'active'])
  if (filter.communeCode) query = query.where('commune_code', '=', filter.communeCode)
  if (filter.villageCode) query = query.where('code', '=', filter.villageCode)
  const rows = await query.execute()
  return rows.map((r) => ({
    communeCode: r.commune_code,
    villageCode: r.code,
    name: r.name,
    registeredHouseholds: Number(r.registered_households),
    active: Number(r.active) === 1,
  }))
}

function visitResultLabels(forms: readonly FormDefinition[]): Map<string, string> {
  const labels = new Map<string, string>()
  for (const form of [...forms].sort((a, b) => a.version - b.version)) {
    const question = form.sections
      .flatMap((s) => flattenQuestions(s.items))
      .find((q) => q.id === 'visit_result')
    for (const choice of question?.choices ?? []) labels.set(choice.value, choice.label.vi)
  }
  return labels
}
