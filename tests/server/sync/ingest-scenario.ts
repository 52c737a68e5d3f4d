import fc from 'fast-check'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import type { IdGenerator } from '../../../src/shared/ids/uuid'
import { FIXTURE_DEVICE_ID, FIXTURE_MS, makeRevision } from '../../support/household-fixtures'

/**
 * Generated sequences of revisions as devices send them: new households, edits on the
 * head, concurrent edits from older bases (also on a late, older clock), re-sent
 * revisions, revisions the server rejects, and a member moving to another household.
 */
export type IngestOp =
  | { kind: 'new'; device: number }
  | {
      kind: 'edit'
      household: number
      /** null: made from the household's newest revision; else an older one. */
      base: number | null
      device: number
      field: number
      value: number
      /** Minutes after (or before) the base's save. */
      minutes: number
    }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'rejected'; household: number; invalid: boolean }
  | { kind: 'move'; from: number; to: number }

const DEVICES = [
  FIXTURE_DEVICE_ID,
  '019ab5e6-6c00-7000-8000-000000000002',
  '019ab5e6-6c00-7000-8000-000000000003',
]

export const opArbitrary: fc.Arbitrary<IngestOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('new' as const), device: fc.nat(2) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      household: fc.nat(),
      base: fc.option(fc.nat(), { nil: null }),
      device: fc.nat(2),
      field: fc.nat(3),
      value: fc.nat(3),
      minutes: fc.integer({ min: -3, max: 10 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rejected' as const),
      household: fc.nat(),
      invalid: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  },
)

interface ModelHousehold {
  id: string
  visitId: string
  /** Accepted-to-be revisions, in the order made. */
  revisions: HouseholdRevision[]
}

const NAMES = ['Lò Văn Sinh', 'Hà Thị Mai', 'Nông Văn Hải', 'Triệu Thị Hoa']
const PHONES = ['0912345678', '0987654321', '0388123456', '0868000111']
const SIGNALS = ['good', 'weak', 'none', 'good']

const savedMs = (r: HouseholdRevision) => Date.parse(r.savedAt)

/** The revisions the ops make, in order, and every household they touch. */
export function revisionsOf(
  ops: readonly IngestOp[],
  ids: IdGenerator,
): { revisions: HouseholdRevision[]; householdIds: string[] } {
  const households: ModelHousehold[] = []
  const out: HouseholdRevision[] = []
  const newHousehold = (device: number) => {
    const revision = makeRevision({
      ids,
      deviceId: DEVICES[device],
      savedAtMs: FIXTURE_MS + out.length * 60_000,
    })
    households.push({ id: revision.householdId, visitId: revision.visitId, revisions: [revision] })
    out.push(revision)
  }
  for (const op of ops) {
    const pick = (n: number) => households[n % households.length] as ModelHousehold
    if (op.kind === 'new' || households.length === 0) {
      newHousehold(op.kind === 'new' ? op.device : 0)
    } else if (op.kind === 'edit') {
      const household = pick(op.household)
      const base =
        op.base === null
          ? (household.revisions.at(-1) as HouseholdRevision)
          : (household.revisions[op.base % household.revisions.length] as HouseholdRevision)
      const revision = editOf(ids, household, base, DEVICES[op.device], op.minutes * 60_000)
      setField(revision, op.field, op.value)
      household.revisions.push(revision)
      out.push(revision)
    } else if (op.kind === 'duplicate') {
      out.push(out[op.pick % out.length] as HouseholdRevision)
    } else if (op.kind === 'rejected') {
      const household = pick(op.household)
      const head = household.revisions.at(-1) as HouseholdRevision
      const revision = editOf(ids, household, head, DEVICES[0], 60_000)
      if (op.invalid) delete revision.response.answers.head_name
      else revision.communeCode = '00001'
      out.push(revision)
    } else {
      const to = pick(op.to)
      const mover = pick(op.from).revisions.at(-1)?.response.repeats.members?.[1]
      const head = to.revisions.at(-1) as HouseholdRevision
      const revision = editOf(ids, to, head, DEVICES[0], 60_000)
      if (mover && !revision.response.repeats.members?.some((m) => m.id === mover.id)) {
        revision.response.repeats.members?.push({
          id: mover.id,
          answers: { ...mover.answers, relation: 'other' },
        })
      }
      to.revisions.push(revision)
      out.push(revision)
    }
  }
  return { revisions: out, householdIds: households.map((h) => h.id) }
}

function editOf(
  ids: IdGenerator,
  household: ModelHousehold,
  base: HouseholdRevision,
  deviceId: string | undefined,
  afterMs: number,
): HouseholdRevision {
  return makeRevision({
    ids,
    householdId: household.id,
    visitId: household.visitId,
    baseRevisionId: base.id,
    ...(deviceId ? { deviceId } : {}),
    savedAtMs: savedMs(base) + afterMs,
    response: structuredClone(base.response),
  })
}

function setField(revision: HouseholdRevision, field: number, value: number): void {
  const answers = revision.response.answers
  const first = revision.response.repeats.members?.[0]
  if (field === 0) answers.address = `Số ${value + 1}, xóm Bản Nà`
  else if (field === 1) answers.h_mobile_signal = SIGNALS[value] ?? 'good'
  else if (field === 2 && first) first.answers.full_name = NAMES[value] ?? 'Lò Văn Sinh'
  else answers.phone = PHONES[value] ?? '0912345678'
}
