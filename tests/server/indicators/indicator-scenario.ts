import fc from 'fast-check'
import { formatHlc, hlcNodeFromId } from '../../../src/shared/clock/hlc'
import type { FormResponse, RepeatRow } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import type { IdGenerator } from '../../../src/shared/ids/uuid'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import { FIXTURE_DEVICE_ID, FIXTURE_MS, makeRevision } from '../../support/household-fixtures'

/**
 * Generated field work for the indicator property: new households in any village and
 * month, revisits (completed or not, later or — on a device whose clock is behind —
 * stamped earlier), edits of a visit from its newest revision or concurrently from an
 * older one on other laptops (merged by the server), moves to another village, answers
 * that change indicators (smartphone, fibre, VNeID, the help given), and re-sent revisions.
 */
export type IndicatorOp =
  | { kind: 'new'; device: number; village: number; month: number; support: number }
  | {
      kind: 'revisit'
      household: number
      device: number
      result: number
      days: number
      change: number
      support: number
    }
  | {
      kind: 'edit'
      household: number
      base: number | null
      device: number
      change: number
      minutes: number
    }
  | { kind: 'move'; household: number; village: number }
  | { kind: 'duplicate'; pick: number }

export const DEVICES = [
  FIXTURE_DEVICE_ID,
  '019ab5e6-6c00-7000-8000-000000000002',
  '019ab5e6-6c00-7000-8000-000000000003',
]
const ENUMERATORS = [
  { id: '019ab5e6-6c00-7000-8000-00000000e001', name: 'Hoàng Thị Lan' },
  { id: '019ab5e6-6c00-7000-8000-00000000e002', name: 'Ma Văn Sinh' },
  { id: '019ab5e6-6c00-7000-8000-00000000e003', name: 'Lò Thị Mai' },
]
const VILLAGES = PILOT_COMMUNE.villages.map((v) => v.code)
const MONTHS = ['2025-08-04', '2025-09-15', '2025-10-20', '2025-11-03']
const RESULTS = ['completed', 'completed', 'absent', 'refused']
const SUPPORT = [[], ['install_vneid'], ['vneid_level2', 'payment_account'], ['scam_safety']]

export const indicatorOpArbitrary: fc.Arbitrary<IndicatorOp> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('new' as const),
      device: fc.nat(2),
      village: fc.nat(4),
      month: fc.nat(3),
      support: fc.nat(3),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('revisit' as const),
      household: fc.nat(),
      device: fc.nat(2),
      result: fc.nat(3),
      days: fc.integer({ min: -20, max: 60 }),
      change: fc.nat(5),
      support: fc.nat(3),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      household: fc.nat(),
      base: fc.option(fc.nat(), { nil: null }),
      device: fc.nat(2),
      change: fc.nat(5),
      minutes: fc.integer({ min: -3, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      household: fc.nat(),
      village: fc.nat(4),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }) },
)

interface Household {
  id: string
  revisions: HouseholdRevision[]
}

/** The revisions the ops make, in the order devices send them. */
export function indicatorRevisions(
  ops: readonly IndicatorOp[],
  ids: IdGenerator,
): HouseholdRevision[] {
  const households: Household[] = []
  const out: HouseholdRevision[] = []
  let clock = 0
  const stamp = (device: string, ms: number) => ({
    hlc: formatHlc({ ms, counter: 0, node: hlcNodeFromId(device) }),
    savedAt: new Date(ms).toISOString(),
  })
  for (const op of ops) {
    clock += 60_000
    const pick = (n: number) => households[n % households.length] as Household
    if (op.kind === 'new' || households.length === 0) {
      const o = op.kind === 'new' ? op : { device: 0, village: 0, month: 0, support: 0 }
      const villageCode = VILLAGES[o.village] ?? (VILLAGES[0] as string)
      const revision = makeRevision({
        ids,
        deviceId: DEVICES[o.device],
        villageCode,
        visitDate: MONTHS[o.month],
        savedAtMs: FIXTURE_MS + clock,
        responseOverrides: { answers: { village: villageCode } },
      })
      setSupport(revision.response, o.support)
      revision.enumerator = ENUMERATORS[o.device] ?? null
      households.push({ id: revision.householdId, revisions: [revision] })
      out.push(revision)
    } else if (op.kind === 'duplicate') {
      out.push(out[op.pick % out.length] as HouseholdRevision)
    } else {
      const household = pick(op.household)
      const head = household.revisions.at(-1) as HouseholdRevision
      const base =
        op.kind === 'edit' && op.base !== null
          ? (household.revisions[op.base % household.revisions.length] as HouseholdRevision)
          : head
      const device = DEVICES[op.kind === 'move' ? 0 : op.device] ?? FIXTURE_DEVICE_ID
      const savedMs =
        op.kind === 'edit' ? Date.parse(base.savedAt) + op.minutes * 60_000 : FIXTURE_MS + clock
      const revision: HouseholdRevision = {
        ...base,
        id: ids(),
        baseRevisionId: base.id,
        deviceId: device,
        ...stamp(device, savedMs),
        response: structuredClone(fullResponse(household, base)),
      }
      if (op.kind === 'revisit') {
        revision.visitId = ids()
        revision.visitDate = shiftDate(base.visitDate, op.days)
        revision.enumerator = ENUMERATORS[op.device] ?? null
        change(revision.response, op.change)
        setSupport(revision.response, op.support)
        const result = RESULTS[op.result] ?? 'completed'
        if (result !== 'completed') revision.response = partial(revision.response, result)
      } else if (op.kind === 'edit') {
        change(revision.response, op.change)
      } else {
        revision.villageCode = VILLAGES[op.village] ?? revision.villageCode
        revision.response.answers.village = revision.villageCode
      }
      household.revisions.push(revision)
      out.push(revision)
    }
  }
  return out
}

/** The last complete response on the way to `base` (a revisit starts from the full state). */
function fullResponse(household: Household, base: HouseholdRevision): FormResponse {
  if (base.response.answers.visit_result === 'completed') return base.response
  const full = household.revisions.filter((r) => r.response.answers.visit_result === 'completed')
  return (full.at(-1) ?? base).response
}

/** An absent, refused or moved visit keeps only the visit result (and the head's name). */
function partial(response: FormResponse, result: string): FormResponse {
  const { village, head_name } = response.answers
  const answers: FormResponse['answers'] = { visit_result: result }
  if (village !== undefined) answers.village = village
  if (head_name !== undefined) answers.head_name = head_name
  return { answers, repeats: {} }
}

function member(response: FormResponse, index: number): RepeatRow | undefined {
  return response.repeats.members?.[index]
}

function change(response: FormResponse, which: number): void {
  const first = member(response, 0)?.answers
  const second = member(response, 1)?.answers
  if (which === 0 && first) {
    first.m_phone = first.m_phone === 'smartphone' ? 'basic' : 'smartphone'
    if (first.m_phone === 'basic') first.m_no_smartphone_reason = 'cost'
    else delete first.m_no_smartphone_reason
  } else if (which === 1) {
    const fibre = response.answers.h_internet === 'fibre'
    response.answers.h_internet = fibre ? 'none' : 'fibre'
    if (fibre) response.answers.h_no_fibre_reason = ['no_infra']
    else delete response.answers.h_no_fibre_reason
  } else if (which === 2 && second) {
    second.m_vneid = second.m_vneid === 'level2' ? 'level1' : 'level2'
  } else if (which === 3 && second) {
    second.m_payment_accounts = ['bank', 'ewallet']
  } else if (which === 4 && first) {
    first.m_skills = ['messaging']
  } else if (second) {
    second.birth_year = second.birth_year === 2012 ? 1983 : 2012
  }
}

function setSupport(response: FormResponse, which: number): void {
  for (const row of response.repeats.members ?? []) delete row.answers.m_support_given
  const kinds = SUPPORT[which] ?? []
  const first = member(response, 0)
  if (first && kinds.length > 0) first.answers.m_support_given = [...kinds]
}

function shiftDate(date: string, days: number): string {
  const shifted = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000)
  const iso = shifted.toISOString().slice(0, 10)
  // Visits stay within 2025 so that birth years keep their meaning.
  return iso < '2025-01-01' ? '2025-01-01' : iso > '2025-12-31' ? '2025-12-31' : iso
}
