import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findDuplicates } from '../../../src/main/household/duplicates.service'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import { FIXTURE_VILLAGE, makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

let t: TestMain
const OTHER_VILLAGE = PILOT_COMMUNE.villages[2]?.code ?? ''

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

describe('findDuplicates', () => {
  it('finds the same citizen id anywhere on the laptop and similar head names in the village only', async () => {
    const here = await recordVisit(
      t.ctx,
      makeHouseholdResponse({ answers: { head_name: 'Nguyễn Văn Ánh' } }),
    )
    const there = await recordVisit(
      t.ctx,
      makeHouseholdResponse({
        answers: { village: OTHER_VILLAGE, head_name: 'Nguyễn Văn Ánh', address: 'Bản Nà' },
        members: [{ full_name: 'Nguyễn Văn Ánh', citizen_id: '008080001234' }],
      }),
      { villageCode: OTHER_VILLAGE },
    )

    expect(
      await findDuplicates(t.ctx, { villageCode: FIXTURE_VILLAGE, headName: 'ANH NGUYEN VAN' }),
    ).toEqual([
      {
        householdId: here.householdId,
        headName: 'Nguyễn Văn Ánh',
        villageCode: FIXTURE_VILLAGE,
        address: 'Số 12, xóm Khuổi My',
        reasons: ['similar_name'],
      },
    ])
    expect(
      await findDuplicates(t.ctx, {
        villageCode: OTHER_VILLAGE,
        headName: 'Nguyễn Văn Anh',
        citizenIds: ['008 080 001 234', 'bad'],
      }),
    ).toEqual([
      expect.objectContaining({
        householdId: there.householdId,
        reasons: ['citizen_id', 'similar_name'],
      }),
    ])
    expect(
      await findDuplicates(t.ctx, {
        villageCode: FIXTURE_VILLAGE,
        citizenIds: ['008080001234'],
      }),
    ).toEqual([
      expect.objectContaining({ householdId: there.householdId, reasons: ['citizen_id'] }),
    ])
  })

  it('never names the household itself, and finds nothing for a new name', async () => {
    const saved = await recordVisit(t.ctx, makeHouseholdResponse())
    expect(
      await findDuplicates(t.ctx, {
        villageCode: FIXTURE_VILLAGE,
        headName: 'Nguyễn Văn A',
        excludeHouseholdId: saved.householdId,
      }),
    ).toEqual([])
    expect(
      await findDuplicates(t.ctx, { villageCode: FIXTURE_VILLAGE, headName: 'Trần Thị Bình' }),
    ).toEqual([])
  })
})
