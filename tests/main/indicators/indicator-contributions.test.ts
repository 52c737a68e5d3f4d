import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  indicatorsFingerprint,
  localIndicators,
} from '../../../src/main/indicators/indicator-contributions'
import { decodeContribution } from '../../../src/main/indicators/stored-contribution'
import { villageProgress } from '../../../src/main/places/village-progress.service'
import { getSetting, setSetting } from '../../../src/main/settings/settings.repository'
import { FIXTURE_VILLAGE, makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

describe('stored indicator contributions', () => {
  it('are stored with each completed visit, without personal data', async () => {
    const saved = await recordVisit(t.ctx, makeHouseholdResponse())
    const row = await t.ctx.db
      .selectFrom('households')
      .select(['contribution_json', 'contribution_date'])
      .where('id', '=', saved.householdId)
      .executeTakeFirstOrThrow()
    expect(row.contribution_date).toBe('2025-11-24')
    const contribution = decodeContribution(localIndicators, row.contribution_json ?? '')
    expect(contribution.ratios.smartphone_adults).toEqual({ numerator: 1, denominator: 2 })
    expect(row.contribution_json).not.toContain('0912345678')
    expect(row.contribution_json).not.toContain('Nguy')
  })

  it('are recomputed once at start when the definitions they were made with changed', async () => {
    await recordVisit(t.ctx, makeHouseholdResponse())
    const before = await villageProgress(t.ctx, FIXTURE_VILLAGE)
    await t.ctx.db.updateTable('households').set({ contribution_json: null }).execute()
    await setSetting(t.ctx.db, 'indicators_fingerprint', 'made-by-an-older-version')

    await t.reopen()

    expect(await getSetting(t.ctx.db, 'indicators_fingerprint')).toBe(
      indicatorsFingerprint(t.ctx.db),
    )
    expect(await villageProgress(t.ctx, FIXTURE_VILLAGE)).toEqual(before)
  })
})
