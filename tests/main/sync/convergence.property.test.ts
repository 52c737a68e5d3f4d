import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getHousehold, listHouseholds } from '../../../src/main/household/household.service'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { type ServerStoreVariant, serverStores } from '../../support/server-stores'
import { type Command, ConvergenceWorld, EDITED_FIELDS, type FieldEdit } from './convergence-world'

/**
 * DESIGN.md §5 as a property: whatever 2–4 laptops of one commune do, in any interleaving,
 * over a network that drops uploads, loses receipts, and delivers batches twice, late and
 * out of order, once everything is synced every laptop holds exactly the server's state,
 * nothing is counted twice, no acknowledged revision is lost, the newest edit of each
 * answer wins, and concurrent edits of one answer leave a conflict for review.
 *
 * Reproduce a failure with the seed and path fast-check prints (set them below).
 */
const SEED = Number(process.env.LANGSO_PROPERTY_SEED ?? 20251124)
/** Runs per store; LANGSO_PROPERTY_RUNS asks for more (a longer hunt, by hand). */
const EXTRA_RUNS = Number(process.env.LANGSO_PROPERTY_RUNS ?? 0)
const RUNS = { sqlite: EXTRA_RUNS || 15, postgres: EXTRA_RUNS ? Math.ceil(EXTRA_RUNS / 5) : 2 }

const laptop = fc.nat({ max: 3 })
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('create' as const), d: laptop }) },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      d: laptop,
      h: fc.nat({ max: 7 }),
      field: fc.constantFrom(...EDITED_FIELDS),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('sync' as const), d: laptop }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('pull' as const), d: laptop }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('fault' as const),
      d: laptop,
      fault: fc.constantFrom('drop' as const, 'lose_receipt' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('copy' as const), d: laptop, b: fc.nat({ max: 9 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('draft' as const), d: laptop, h: fc.nat({ max: 7 }) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('discard' as const), d: laptop }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('tick' as const),
      d: laptop,
      // Clocks mostly move on, sometimes a little back.
      ms: fc.integer({ min: -5_000, max: 600_000 }),
    }),
  },
)

const scenario = fc.record({
  laptops: fc.integer({ min: 2, max: 4 }),
  // Wall clocks up to 20 minutes apart: stamps must still order edits causally.
  skews: fc.array(fc.integer({ min: -1_200_000, max: 1_200_000 }), {
    minLength: 4,
    maxLength: 4,
  }),
  // A first household, so edits have something to work on early.
  commands: fc
    .array(command, { minLength: 5, maxLength: 30 })
    .map((rest) => [{ t: 'create', d: 0 } as Command, ...rest]),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

async function runScenario(variant: ServerStoreVariant, s: Scenario): Promise<void> {
  const world = await ConvergenceWorld.open(variant, s.skews.slice(0, s.laptops))
  try {
    for (const step of s.commands) await world.run(step)
    await world.settle()
    await expectConverged(world)
  } finally {
    await world.close()
  }
}

interface ServerHousehold {
  id: string
  revision_id: string
  response: FormResponse
}

async function serverState(world: ConvergenceWorld) {
  const db = world.server.store.db
  const households: ServerHousehold[] = (
    await db.selectFrom('households').select(['id', 'revision_id', 'response_json']).execute()
  ).map((h) => ({
    id: h.id,
    revision_id: h.revision_id,
    response: JSON.parse(h.response_json) as FormResponse,
  }))
  const revisions = await db.selectFrom('revisions').select(['id', 'status']).execute()
  const members = await db.selectFrom('members').select(['id', 'household_id']).execute()
  const conflicts = await db
    .selectFrom('conflicts')
    .select(['household_id', 'question_id', 'row_id', 'status'])
    .execute()
  return { households, revisions, members, conflicts }
}

async function expectConverged(world: ConvergenceWorld): Promise<void> {
  const server = await serverState(world)
  const serverIds = server.households.map((h) => h.id).sort()

  // Nothing counted twice: one household per household made, one row per revision made.
  expect(serverIds).toEqual([...world.created].sort())
  expect(server.revisions.map((r) => r.id).sort()).toEqual([...world.revisions].sort())
  expect(server.revisions.every((r) => r.status === 'accepted')).toBe(true)
  const rosterSize = server.households.reduce(
    (n, h) => n + (h.response.repeats.members?.length ?? 0),
    0,
  )
  expect(server.members).toHaveLength(rosterSize)

  // No acknowledged revision lost.
  const logged = new Set(server.revisions.map((r) => r.id))
  for (const { network } of world.laptops) {
    for (const id of network.accepted) expect(logged.has(id)).toBe(true)
  }
  for (const id of world.copiedAccepted) expect(logged.has(id)).toBe(true)

  // Every laptop holds exactly the server's current state, nothing left to send.
  for (const { main } of world.laptops) {
    const listed = await listHouseholds(main.ctx, {})
    expect(listed.map((h) => h.id).sort()).toEqual(serverIds)
    for (const household of server.households) {
      const local = await getHousehold(main.ctx, household.id)
      expect(local.syncState).toBe('sent')
      expect(local.revisionId).toBe(household.revision_id)
      expect(local.response).toEqual(household.response)
    }
    const pending = await main.ctx.db
      .selectFrom('revisions')
      .select('id')
      .where('status', '!=', 'sent')
      .execute()
    expect(pending).toEqual([])
  }

  expectNewestEditsWin(world.edits, server.households)
  expectConflictsRecorded(world.edits, server.conflicts)
}

const fieldKey = (e: Pick<FieldEdit, 'householdId' | 'questionId' | 'rowId'>) =>
  `${e.householdId}|${e.rowId ?? ''}|${e.questionId}`

/** Each edited answer holds the value of its newest edit (stamps order edits causally too). */
function expectNewestEditsWin(edits: readonly FieldEdit[], households: ServerHousehold[]) {
  const newest = new Map<string, FieldEdit>()
  for (const edit of edits) {
    const held = newest.get(fieldKey(edit))
    if (!held || edit.hlc > held.hlc) newest.set(fieldKey(edit), edit)
  }
  for (const edit of newest.values()) {
    const household = households.find((h) => h.id === edit.householdId)
    const answers = edit.rowId
      ? household?.response.repeats.members?.find((r) => r.id === edit.rowId)?.answers
      : household?.response.answers
    expect({ field: fieldKey(edit), value: answers?.[edit.questionId] }).toEqual({
      field: fieldKey(edit),
      value: edit.value,
    })
  }
}

/** Two laptops that changed one answer from the same revision leave a conflict on it. */
function expectConflictsRecorded(
  edits: readonly FieldEdit[],
  conflicts: { household_id: string; question_id: string; row_id: string | null }[],
) {
  const recorded = new Set(
    conflicts.map((c) =>
      fieldKey({ householdId: c.household_id, questionId: c.question_id, rowId: c.row_id }),
    ),
  )
  for (const [i, a] of edits.entries()) {
    for (const b of edits.slice(i + 1)) {
      const concurrent =
        a.laptop !== b.laptop &&
        a.baseRevisionId === b.baseRevisionId &&
        fieldKey(a) === fieldKey(b)
      if (concurrent) expect(recorded.has(fieldKey(a))).toBe(true)
    }
  }
}

/**
 * The smallest failure the property found (seed 20251124, shrunk): laptop 1 edits the
 * address from the first revision R0 (stamped first); laptop 0 edits the head's name from
 * R0 (R2), then a member's name from R2 (R3), and uploads first. When R1 arrives the server
 * re-folds in stamp order: R1 replaces R0, R2 merges with it (address from R1), then R3,
 * made from R2, replaces the merged state whole, and R1's address is silently lost.
 */
const EDIT_LOST_UNDER_A_CHAIN: Command[] = [
  { t: 'create', d: 0 },
  { t: 'sync', d: 0 },
  { t: 'sync', d: 1 },
  { t: 'edit', d: 1, h: 0, field: 'address' },
  { t: 'edit', d: 0, h: 0, field: 'head_name' },
  { t: 'edit', d: 0, h: 0, field: 'member_name' },
]

describe('a concurrent edit under a later chain of edits of another laptop', () => {
  it('is kept: the newest edit of each answer wins', async () => {
    const world = await ConvergenceWorld.open(serverStores()[0] as ServerStoreVariant, [0, 0])
    try {
      for (const step of EDIT_LOST_UNDER_A_CHAIN) await world.run(step)
      await world.settle()
      await expectConverged(world)
    } finally {
      await world.close()
    }
  })
})

/**
 * Answers carried over from a pulled merge: laptop 1 sets the address (stamped first),
 * laptop 2 sets it later but uploads last; laptop 0's head-name edit is merged with laptop
 * 1's, and laptop 0 edits a member's name in that merged state. Its revision carries laptop
 * 1's address without changing it, and must not beat laptop 2's newer address.
 */
const CARRIED_OVER_A_NEWER_EDIT: Command[] = [
  { t: 'create', d: 0 },
  { t: 'sync', d: 0 },
  { t: 'sync', d: 1 },
  { t: 'sync', d: 2 },
  { t: 'edit', d: 1, h: 0, field: 'address' },
  { t: 'sync', d: 1 },
  { t: 'tick', d: 2, ms: 0 },
  { t: 'edit', d: 2, h: 0, field: 'address' },
  { t: 'tick', d: 0, ms: 5000 },
  { t: 'edit', d: 0, h: 0, field: 'head_name' },
  { t: 'sync', d: 0 },
  { t: 'edit', d: 0, h: 0, field: 'member_name' },
  { t: 'sync', d: 0 },
  { t: 'sync', d: 2 },
]

describe('an answer carried over from a pulled merge', () => {
  it('does not beat a newer edit the laptop never saw', async () => {
    const world = await ConvergenceWorld.open(serverStores()[0] as ServerStoreVariant, [0, 0, 0])
    try {
      for (const step of CARRIED_OVER_A_NEWER_EDIT) await world.run(step)
      await world.settle()
      await expectConverged(world)
    } finally {
      await world.close()
    }
  })
})

const NO_SKEW = [0, 0, 0, 0]

/**
 * Runs that every seed includes, each a known way to be left behind: a household kept
 * local for an open draft that is then discarded, with no later change on the server; and
 * an upload whose receipt was lost, pulled while still pending, its merge then held under
 * the laptop's own revision id.
 */
const KNOWN_HARD: Scenario[] = [
  {
    laptops: 2,
    skews: NO_SKEW,
    commands: [
      { t: 'create', d: 0 },
      { t: 'sync', d: 0 },
      { t: 'sync', d: 1 },
      { t: 'draft', d: 1, h: 0 },
      { t: 'edit', d: 0, h: 0, field: 'address' },
      { t: 'sync', d: 0 },
      { t: 'sync', d: 1 },
      { t: 'discard', d: 1 },
    ],
  },
  {
    laptops: 2,
    skews: NO_SKEW,
    commands: [
      { t: 'create', d: 0 },
      { t: 'sync', d: 0 },
      { t: 'sync', d: 1 },
      { t: 'edit', d: 0, h: 0, field: 'address' },
      { t: 'fault', d: 0, fault: 'lose_receipt' },
      { t: 'edit', d: 1, h: 0, field: 'head_name' },
      { t: 'sync', d: 1 },
      { t: 'pull', d: 0 },
    ],
  },
]

describe.each(serverStores())('convergence of laptops and the server on $name', (variant) => {
  it('every run converges: same state everywhere, nothing twice, nothing lost', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (s) => runScenario(variant, s)),
      {
        numRuns: RUNS[variant.name],
        seed: SEED,
        examples: KNOWN_HARD.map((s) => [s] as [Scenario]),
        endOnFailure: process.env.LANGSO_PROPERTY_SHRINK !== '1',
      },
    )
  }, 600_000)
})
