import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SERVER_DEVICE_ID } from '../../../src/server/sync/conflict-resolution.service'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { FIXTURE_MS } from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { addUser, type ConsoleClient, completeSetup } from '../auth/auth-test-kit'
import {
  type ConcurrentScenario,
  concurrentScenario,
  DEVICE_A,
  DEVICE_B,
  DEVICE_C,
} from './merge-scenario'

const CONFLICTS = '/api/v1/conflicts'

describe.each(serverStores())('conflicts API on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  let s: ConcurrentScenario
  const clock = new ManualClock(FIXTURE_MS + 3_600_000)

  beforeEach(async () => {
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
    s = concurrentScenario()
    const laptops = await HouseholdSeeder.enrol(t, admin, [DEVICE_A, DEVICE_B, DEVICE_C])
    for (const batch of s.batches) await laptops.upload(batch)
  })
  afterEach(async () => {
    await t?.close()
  })

  const list = async (client: ConsoleClient, query = '') =>
    dataOf('conflicts.list', await client.get(`${CONFLICTS}${query}`))
  const byQuestion = async (questionId: string) => {
    const found = (await list(admin)).items.find((c) => c.questionId === questionId)
    if (!found) throw new Error(`no conflict on ${questionId}`)
    return found
  }

  it('lists conflicts with the head name and both values, filtered and paged', async () => {
    const all = await list(admin)
    expect(all.total).toBe(2)
    const phone = await byQuestion('phone')
    expect(phone).toMatchObject({
      householdId: s.householdId,
      communeCode: '00700',
      headName: 'Nguyễn Văn A',
      scope: 'household',
      baseValue: '0912345678',
      winnerValue: '0900000002',
      loserValue: '0900000001',
      winnerRevisionId: s.revisions[2].id,
      loserRevisionId: s.revisions[1].id,
      winnerDeviceId: s.revisions[2].deviceId,
      loserDeviceId: s.revisions[1].deviceId,
      status: 'open',
    })
    const birth = await byQuestion('birth_year')
    expect(birth).toMatchObject({ scope: 'member', repeatId: 'members', loserValue: 1979 })
    expect(birth.loserRevisionId).toBe(s.revisions[1].id)
    expect((await list(admin, `?householdId=${s.householdId}&limit=1`)).items).toHaveLength(1)
    expect((await list(admin, '?status=resolved')).total).toBe(0)
  })

  it('scopes commune viewers to their commune and lets only province staff resolve', async () => {
    const own = await addUser(t, admin, {
      username: 'xa.ngocduong',
      role: 'commune_viewer',
      communeCode: '00700',
    })
    const other = await addUser(t, admin, {
      username: 'xa.khac',
      role: 'commune_viewer',
      communeCode: '00706',
    })
    expect((await list(own.client)).total).toBe(2)
    expect((await list(other.client)).total).toBe(0)
    expect(errorOf(await other.client.get(`${CONFLICTS}?communeCode=00700`)).code).toBe('forbidden')
    const phone = await byQuestion('phone')
    const refused = await own.client.post(`${CONFLICTS}/${phone.id}/resolve`, { choose: 'loser' })
    expect(refused.status).toBe(403)
    expect((await byQuestion('phone')).status).toBe('open')
  })

  it('choosing the loser writes a server revision that sets the field, audited, once', async () => {
    const phone = await byQuestion('phone')
    const before = await t.store.db
      .selectFrom('households')
      .select(['change_seq', 'revision_id'])
      .where('id', '=', s.householdId)
      .executeTakeFirstOrThrow()
    const resolved = dataOf(
      'conflicts.resolve',
      await admin.post(`${CONFLICTS}/${phone.id}/resolve`, {
        choose: 'loser',
        comment: 'Gọi lại hộ',
      }),
    )
    expect(resolved).toMatchObject({ status: 'resolved', chosen: 'loser', resolvedBy: 'admin' })
    expect(resolved.comment).toBe('Gọi lại hộ')

    const after = await t.store.db
      .selectFrom('households')
      .innerJoin('revisions', 'revisions.id', 'households.revision_id')
      .select([
        'households.response_json',
        'households.change_seq',
        'revisions.device_id',
        'revisions.base_revision_id',
      ])
      .where('households.id', '=', s.householdId)
      .executeTakeFirstOrThrow()
    const response = JSON.parse(after.response_json) as FormResponse
    expect(response.answers.phone).toBe('0900000001')
    // Everything else of the merged state is kept.
    expect(response.answers.address).toBe('Số 14, xóm Khuổi My')
    expect(after.device_id).toBe(SERVER_DEVICE_ID)
    expect(after.base_revision_id).toBe(before.revision_id)
    expect(Number(after.change_seq)).toBeGreaterThan(Number(before.change_seq))
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'conflict.resolved')
      .execute()
    expect(audit).toEqual([{ action: 'conflict.resolved', target_id: phone.id }])

    const again = await admin.post(`${CONFLICTS}/${phone.id}/resolve`, { choose: 'winner' })
    expect(errorOf(again).code).toBe('conflict')
    expect((await byQuestion('birth_year')).status).toBe('open')
  })

  it('keeping the winner records the decision without changing the household', async () => {
    const birth = await byQuestion('birth_year')
    const before = await t.store.db
      .selectFrom('households')
      .select(['revision_id', 'response_json'])
      .where('id', '=', s.householdId)
      .executeTakeFirstOrThrow()
    const resolved = dataOf(
      'conflicts.resolve',
      await admin.post(`${CONFLICTS}/${birth.id}/resolve`, { choose: 'winner' }),
    )
    expect(resolved).toMatchObject({ status: 'resolved', chosen: 'winner', comment: null })
    const after = await t.store.db
      .selectFrom('households')
      .select(['revision_id', 'response_json'])
      .where('id', '=', s.householdId)
      .executeTakeFirstOrThrow()
    expect(after).toEqual(before)
    expect((await list(admin, '?status=open')).total).toBe(1)
    expect(errorOf(await admin.post(`${CONFLICTS}/nope/resolve`, { choose: 'winner' })).code).toBe(
      'not_found',
    )
  })
})
