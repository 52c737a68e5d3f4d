import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listHouseholdVisits } from '../../../src/main/household/household.service'
import {
  addTeamMember,
  listTeam,
  setCurrentTeamMember,
  updateTeam,
} from '../../../src/main/team/team.service'
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

describe('the team list', () => {
  it('adds members in order; the first becomes current and stays current after a restart', async () => {
    expect(await listTeam(t.ctx)).toEqual({ members: [], currentId: null })
    const mai = await addTeamMember(t.ctx, '  Lò Thị Mai ')
    t.clock.advance(1000)
    const hung = await addTeamMember(t.ctx, 'Hoàng Văn Hùng')
    expect(mai).toEqual({ id: mai.id, name: 'Lò Thị Mai', active: true })

    await t.reopen()
    expect(await listTeam(t.ctx)).toEqual({ members: [mai, hung], currentId: mai.id })
    expect(await setCurrentTeamMember(t.ctx, hung.id)).toEqual({ currentId: hung.id })
    await t.reopen()
    expect((await listTeam(t.ctx)).currentId).toBe(hung.id)
  })

  it('refuses a second active member with the same name, accents and case aside', async () => {
    await addTeamMember(t.ctx, 'Lò Thị Mai')
    await expect(addTeamMember(t.ctx, 'lo thi  MAI')).rejects.toMatchObject({
      code: 'team_name_taken',
    })
    const hung = await addTeamMember(t.ctx, 'Hoàng Văn Hùng')
    await expect(updateTeam(t.ctx, { id: hung.id, name: 'Lò Thị Mai' })).rejects.toMatchObject({
      code: 'team_name_taken',
    })
    expect((await listTeam(t.ctx)).members.map((m) => m.name)).toEqual([
      'Lò Thị Mai',
      'Hoàng Văn Hùng',
    ])
  })

  it('renames and deactivates; a deactivated member is no longer current and cannot be chosen', async () => {
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    expect(await updateTeam(t.ctx, { id: mai.id, name: 'Lò Thị Mai (tổ 2)' })).toMatchObject({
      name: 'Lò Thị Mai (tổ 2)',
      active: true,
    })
    expect(await updateTeam(t.ctx, { id: mai.id, active: false })).toMatchObject({
      active: false,
    })
    expect((await listTeam(t.ctx)).currentId).toBeNull()
    await expect(setCurrentTeamMember(t.ctx, mai.id)).rejects.toMatchObject({
      code: 'team_member_inactive',
    })
    await updateTeam(t.ctx, { id: mai.id, active: true })
    expect(await setCurrentTeamMember(t.ctx, mai.id)).toEqual({ currentId: mai.id })
  })

  it('answers not_found for an unknown member', async () => {
    const unknown = '019ab5e6-6c00-7000-8000-00000000beef'
    await expect(updateTeam(t.ctx, { id: unknown, active: false })).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(setCurrentTeamMember(t.ctx, unknown)).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('keeps naming a deactivated member on the visits they made', async () => {
    const mai = await addTeamMember(t.ctx, 'Lò Thị Mai')
    const saved = await recordVisit(t.ctx, makeHouseholdResponse())
    await updateTeam(t.ctx, { id: mai.id, active: false })
    const [visit] = await listHouseholdVisits(t.ctx, saved.householdId)
    expect(visit?.enumeratorName).toBe('Lò Thị Mai')
  })
})
