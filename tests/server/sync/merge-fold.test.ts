import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { type IdGenerator, sequentialIds } from '../../../src/shared/ids/uuid'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { completeSetup } from '../auth/auth-test-kit'
import { DEVICE_A, DEVICE_B, DEVICE_C, edited } from './merge-scenario'

/**
 * The fold of a household's revisions (household-refold and the projection's shortcut):
 * whatever order the revisions arrive in, each answer holds its newest edit.
 */
describe.each(serverStores())('folding a household on $name', (variant) => {
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  let laptops: HouseholdSeeder
  const start = async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS + 3_600_000) })
    laptops = await HouseholdSeeder.enrol(t, await completeSetup(t), [DEVICE_A, DEVICE_B, DEVICE_C])
    return t
  }
  /** Uploads each group as one batch of its first revision's device. */
  const upload = async (...groups: HouseholdRevision[][]) => {
    for (const group of groups) {
      const deviceId = group[0]?.deviceId ?? DEVICE_A
      await laptops.upload(makeBatch(group, { deviceId, sentAtMs: FIXTURE_MS + 60_000 }))
    }
  }
  const stored = async (server: TestServer, householdId: string) => {
    const row = await server.store.db
      .selectFrom('households')
      .select(['revision_id', 'merged', 'response_json'])
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow()
    const conflicts = await server.store.db
      .selectFrom('conflicts')
      .select(['question_id', 'winner_revision_id', 'loser_revision_id'])
      .where('household_id', '=', householdId)
      .orderBy('question_id')
      .execute()
    return {
      revisionId: row.revision_id,
      merged: Number(row.merged),
      response: JSON.parse(row.response_json) as FormResponse,
      conflicts,
    }
  }

  /** A household made on A, and an edit of it from a base with a change, at `offset` ms. */
  const household = (ids: IdGenerator) => {
    const householdId = ids()
    const r0 = makeRevision({ ids, householdId, deviceId: DEVICE_A, savedAtMs: FIXTURE_MS })
    const edit = (
      deviceId: string,
      base: { id: string; response: FormResponse },
      offset: number,
      change: (r: FormResponse) => void,
    ) =>
      makeRevision({
        ids,
        householdId,
        deviceId,
        baseRevisionId: base.id,
        savedAtMs: FIXTURE_MS + offset,
        response: edited(base.response, change),
      })
    return { householdId, r0, edit }
  }
  const memberName = (r: FormResponse) => r.repeats.members?.[0]?.answers.full_name
  const setMemberName = (name: string) => (r: FormResponse) => {
    const row = r.repeats.members?.[0]
    if (row) row.answers.full_name = name
  }

  /**
   * B edits the address from r0 (older stamp); A edits the head's name from r0 (r2), then a
   * member's name from r2 (r3). The chain from the newest revision must not replace a merge.
   */
  const chainScenario = () => {
    const { householdId, r0, edit } = household(sequentialIds(FIXTURE_MS))
    const r1 = edit(DEVICE_B, r0, 1000, (r) => {
      r.answers.address = 'Bản Nà Hẩu'
    })
    const r2 = edit(DEVICE_A, r0, 2000, (r) => {
      r.answers.head_name = 'Hoàng Văn Tám'
    })
    const r3 = edit(DEVICE_A, r2, 3000, setMemberName('Hoàng Thị Chín'))
    return { householdId, r0, r1, r2, r3 }
  }

  it('keeps a concurrent edit that arrives after a later chain of another device', async () => {
    const server = await start()
    const { householdId, r0, r1, r2, r3 } = chainScenario()
    await upload([r0], [r2, r3], [r1])
    const state = await stored(server, householdId)
    expect(state.response.answers.address).toBe('Bản Nà Hẩu')
    expect(state.response.answers.head_name).toBe('Hoàng Văn Tám')
    expect(memberName(state.response)).toBe('Hoàng Thị Chín')
    expect(state).toMatchObject({ revisionId: r3.id, merged: 1, conflicts: [] })
  })

  it('merges an edit of the newest revision into a merged state, not over it', async () => {
    const server = await start()
    const { householdId, r0, r1, r2, r3 } = chainScenario()
    // r1 arrives after r2 (the state becomes a merge under r2), then r3 is made from r2.
    await upload([r0], [r2], [r1], [r3])
    const state = await stored(server, householdId)
    expect(state.response.answers.address).toBe('Bản Nà Hẩu')
    expect(memberName(state.response)).toBe('Hoàng Thị Chín')
    expect(state).toMatchObject({ revisionId: r3.id, merged: 1, conflicts: [] })
  })

  /**
   * B sets the address (r1); C sets it later (r3) but uploads last; A's r2 is merged with r1
   * and A edits that merged state (r4, from r2): r4 carries r1's address without changing
   * it, and must not beat C's newer edit, which A never saw.
   */
  const carriedScenario = () => {
    const { householdId, r0, edit } = household(sequentialIds(FIXTURE_MS + 1_000_000))
    const r1 = edit(DEVICE_B, r0, 1000, (r) => {
      r.answers.address = 'Bản Phiêng Lơm'
    })
    const r3 = edit(DEVICE_C, r0, 2000, (r) => {
      r.answers.address = 'Bản Cốc Lùng'
    })
    const r2 = edit(DEVICE_A, r0, 5000, (r) => {
      r.answers.head_name = 'Triệu Văn Sơn'
    })
    const pulled = {
      id: r2.id,
      response: edited(r2.response, (r) => {
        r.answers.address = 'Bản Phiêng Lơm'
      }),
    }
    const r4 = edit(DEVICE_A, pulled, 7000, setMemberName('Triệu Thị Mai'))
    return { householdId, r0, r1, r2, r3, r4 }
  }

  it('does not let answers carried over from a pulled merge beat an edit never seen', async () => {
    const server = await start()
    const { householdId, r0, r1, r2, r3, r4 } = carriedScenario()
    await upload([r0], [r1], [r2], [r4], [r3])
    const state = await stored(server, householdId)
    expect(state.response.answers.address).toBe('Bản Cốc Lùng')
    expect(state.response.answers.head_name).toBe('Triệu Văn Sơn')
    expect(memberName(state.response)).toBe('Triệu Thị Mai')
    // B's and C's addresses are the only conflict: C's newer one wins.
    expect(state.conflicts).toEqual([
      { question_id: 'address', winner_revision_id: r3.id, loser_revision_id: r1.id },
    ])
    expect(state.revisionId).toBe(r4.id)

    await server.close()
    t = undefined
    const again = await start()
    await upload([r3], [r0], [r2], [r1], [r4])
    expect(await stored(again, householdId)).toEqual(state)
  })

  it('folds a child stamped before its base (a clock behind) after its base', async () => {
    const server = await start()
    const { householdId, r0, edit } = household(sequentialIds(FIXTURE_MS + 2_000_000))
    const r1 = edit(DEVICE_B, r0, 5000, (r) => {
      r.answers.phone = '0911111111'
    })
    const r2 = edit(DEVICE_C, r1, 3000, (r) => {
      r.answers.phone = '0922222222'
    })
    await upload([r0], [r1], [r2])
    const state = await stored(server, householdId)
    expect(state.response.answers.phone).toBe('0922222222')
    expect(state.conflicts).toEqual([])
  })
})
