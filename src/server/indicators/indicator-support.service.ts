import type { IndicatorSupport, SupportFigures } from '../../shared/api/http.contract'
import { defaultHouseholdForm } from '../../shared/forms/default-household-form'
import { flattenQuestions } from '../../shared/forms/form-definition.schema'
import { InvalidInputError } from '../../shared/result'
import { communeScope, requireCommuneAccess } from '../auth/require-role'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import { findCommune } from '../places/official-units'
import { provinceCommunes, serverProvince } from '../places/server-province'
import { serverIndicators } from './indicator-changes'
import { COMPLETED_VISITS_PART, type Parts, talliesOf, VISITS_PART } from './indicator-parts'
import {
  enumeratorsByIds,
  type MonthRange,
  monthsOfPlace,
  type PartsByKey,
  partsByPlace,
  rankedMembers,
  registeredByVillage,
} from './indicators.repository'
import { communeOfVillage, villageName } from './indicators.service'

/** Team members listed by name; the rest are counted. */
const MEMBERS_LISTED = 30

/**
 * The help the teams gave, counted per visit (each visit's own answers to the help
 * question, under the month, village and team member of the visit): by kind, by month, by
 * team (each commune of the province, or each village of a commune) and by team member,
 * within a range of months. A commune viewer who names no place gets their commune.
 */
export async function supportInScope(
  ctx: RequestContext,
  input: HttpParsedInput<'indicators.support'>,
): Promise<IndicatorSupport> {
  const range: MonthRange = { from: input.from ?? null, to: input.to ?? null }
  if (range.from !== null && range.to !== null && range.from > range.to) {
    throw new InvalidInputError('The period starts after it ends')
  }
  if (input.communeCode) requireCommuneAccess(ctx, input.communeCode)
  const villageCode = input.villageCode ?? null
  const communeCode = villageCode
    ? await communeOfVillage(ctx, villageCode)
    : (input.communeCode ?? communeScope(ctx))
  if (communeCode !== null) requireCommuneAccess(ctx, communeCode)
  if (input.communeCode && communeCode !== input.communeCode) {
    throw new InvalidInputError('The village is not in this commune')
  }
  const tally = serverIndicators.find((i) => i.kind === 'tally')
  const tallyId = tally?.id ?? ''

  const [level, place] = villageCode
    ? (['village', villageCode] as const)
    : communeCode
      ? (['commune', communeCode] as const)
      : (['province', ''] as const)
  const months = await monthsOfPlace(ctx.db, level, place)
  const byMonth = [...months.entries()]
    .filter(([month]) => inRange(month, range))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, parts]) => ({ month, ...supportFigures(parts, tallyId) }))
  const total: Parts = {}
  for (const [month, parts] of months) {
    if (!inRange(month, range)) continue
    for (const [part, n] of Object.entries(parts)) total[part] = (total[part] ?? 0) + n
  }

  const byPlace = villageCode ? [] : await placesOf(ctx, communeCode, range, tallyId)
  const ranked = await rankedMembers(
    ctx.db,
    {
      ...(communeCode ? { communeCode } : {}),
      ...(villageCode ? { villageCode } : {}),
    },
    range,
    `e:${tallyId}:`,
    MEMBERS_LISTED,
  )
  const listed = [...ranked.members.entries()].map(([id, parts]) => ({
    id,
    ...supportFigures(parts, tallyId),
  }))
  const names = await enumeratorsByIds(
    ctx.db,
    listed.map((m) => m.id),
  )
  return {
    kinds: kindsOf(tally?.kind === 'tally' ? tally.question : null, total, tallyId),
    period: range,
    totals: supportFigures(total, tallyId),
    byMonth,
    byPlace,
    byMember: listed.map((m) => ({
      ...m,
      name: names.get(m.id)?.name ?? null,
      communeCode: names.get(m.id)?.communeCode ?? null,
    })),
    moreMembers: ranked.total - listed.length,
  }
}

async function placesOf(
  ctx: RequestContext,
  communeCode: string | null,
  range: MonthRange,
  tallyId: string,
): Promise<IndicatorSupport['byPlace']> {
  if (communeCode === null) {
    const sums = await partsByPlace(ctx.db, { level: 'commune' }, range)
    const province = await serverProvince(ctx.db)
    const names = new Map(provinceCommunes(province).map((c) => [c.code, c.name]))
    return figuresByKey(sums, tallyId, (code) => names.get(code) ?? findCommune(code)?.name ?? code)
  }
  const sums = await partsByPlace(ctx.db, { level: 'village', communeCode }, range)
  const register = await registeredByVillage(ctx.db, communeCode)
  return figuresByKey(sums, tallyId, (code) =>
    villageName(code, communeCode, register.get(code)?.name),
  )
}

function figuresByKey(
  sums: PartsByKey,
  tallyId: string,
  nameOf: (code: string) => string,
): IndicatorSupport['byPlace'] {
  return [...sums.entries()]
    .map(([code, parts]) => ({ code, name: nameOf(code), ...supportFigures(parts, tallyId) }))
    .filter((p) => p.visits > 0 || p.help > 0)
    .sort((a, b) => b.help - a.help || b.visits - a.visits || (a.code < b.code ? -1 : 1))
}

function supportFigures(parts: Parts, tallyId: string): SupportFigures {
  const counts = talliesOf(parts, 'e', tallyId)
  return {
    visits: parts[VISITS_PART] ?? 0,
    completedVisits: parts[COMPLETED_VISITS_PART] ?? 0,
    help: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  }
}

/** The kinds of help: the question's choices in the form's order, then any other counted. */
function kindsOf(question: string | null, total: Parts, tallyId: string): string[] {
  const choices =
    defaultHouseholdForm.sections
      .flatMap((section) => flattenQuestions(section.items))
      .find((q) => q.id === question)
      ?.choices?.map((c) => c.value) ?? []
  const seen = Object.keys(talliesOf(total, 'e', tallyId)).filter((k) => !choices.includes(k))
  return [...choices, ...seen.sort()]
}

function inRange(month: string, range: MonthRange): boolean {
  return (range.from === null || month >= range.from) && (range.to === null || month <= range.to)
}
