import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { hlcNodeFromId, parseHlc } from '../../../src/shared/clock/hlc'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

async function saveOne(): Promise<string> {
  const result = await recordVisit(t.ctx, makeHouseholdResponse())
  const row = await t.ctx.db
    .selectFrom('revisions')
    .select('hlc')
    .where('id', '=', result.revisionId)
    .executeTakeFirstOrThrow()
  return row.hlc
}

describe('the device clock', () => {
  it('keeps the device id and its stamps increasing across restarts, even when the wall clock goes back', async () => {
    const deviceId = t.ctx.deviceId
    const first = await saveOne()
    const second = await saveOne() // same millisecond: the counter moves on
    expect(second > first).toBe(true)

    await t.reopen()
    t.clock.advance(-3_600_000) // the laptop's clock was set back an hour
    const third = await saveOne()

    expect(t.ctx.deviceId).toBe(deviceId)
    expect(third > second).toBe(true)
    expect(parseHlc(third).node).toBe(hlcNodeFromId(deviceId))
    expect(await getSetting(t.ctx.db, 'hlc_last')).toBe(third)
  })

  it('moves with the wall clock when it is ahead of the last stamp', async () => {
    const first = await saveOne()
    t.clock.advance(5000)
    const second = await saveOne()
    expect(parseHlc(second).ms - parseHlc(first).ms).toBe(5000)
    expect(parseHlc(second).counter).toBe(0)
  })
})
