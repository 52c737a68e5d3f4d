import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeMainContext } from '../../../src/main/context'
import { dispatch, isIpcCall } from '../../../src/main/ipc/ipc.dispatch'
import { type IpcCall, type IpcOutput, ipcContract } from '../../../src/shared/api/ipc.contract'
import { vietnamDate } from '../../../src/shared/clock/clock'
import type { Result } from '../../../src/shared/result'
import {
  FIXTURE_VILLAGE,
  FIXTURE_VISIT_DATE,
  makeHouseholdResponse,
} from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

/** Dispatches and checks a successful answer against the contract's output schema. */
async function call<N extends IpcCall>(name: N, input: unknown): Promise<IpcOutput<N>> {
  const result = await dispatch(t.ctx, name, input)
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
  return ipcContract[name].output.parse(result.data) as IpcOutput<N>
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a failure')
  return result.error
}

describe('dispatch', () => {
  it('refuses unknown calls, including names inherited from Object.prototype', async () => {
    for (const name of ['households.delete', 'constructor', '__proto__', 'toString', '']) {
      expect(errorOf(await dispatch(t.ctx, name, {})).code).toBe('unknown_call')
    }
    expect(errorOf(await dispatch(t.ctx, 'x'.repeat(5000), {})).message.length).toBeLessThan(120)
    expect(isIpcCall('drafts.finalize')).toBe(true)
    expect(isIpcCall('households.save')).toBe(false)
  })

  it('refuses bad input with invalid_input naming the fields', async () => {
    const badId = errorOf(await dispatch(t.ctx, 'households.get', { id: 'not-a-uuid' }))
    expect(badId.code).toBe('invalid_input')
    expect(badId.message).toMatch(/^households\.get: id: /)

    const extra = errorOf(await dispatch(t.ctx, 'app.info', { admin: true }))
    expect(extra.code).toBe('invalid_input')
    expect(extra.message).toContain('admin')

    const badUpdate = errorOf(
      await dispatch(t.ctx, 'drafts.update', {
        id: '019ab5e6-6c00-7000-8000-00000000beef',
        visitDate: '24/11/2025',
        cursor: null,
      }),
    )
    expect(badUpdate.code).toBe('invalid_input')
    expect(badUpdate.message).toContain('visitDate')
    expect(badUpdate.message).toContain('response')

    expect(errorOf(await dispatch(t.ctx, 'households.list', undefined)).code).toBe('invalid_input')
    const badUrl = errorOf(await dispatch(t.ctx, 'sync.setServerUrl', { serverUrl: 'file:///etc' }))
    expect(badUrl.message).toContain('serverUrl')
  })

  it('runs a save, list and get round trip whose answers match the contract', async () => {
    const info = await call('app.info', {})
    expect(info).toMatchObject({ deviceId: t.ctx.deviceId, communeCode: '00700' })
    expect(info.today).toBe(vietnamDate(t.clock.now()))

    const member = await call('team.add', { name: 'Lò Thị Mai' })
    const draft = await call('drafts.start', { villageCode: FIXTURE_VILLAGE })
    expect(draft).toMatchObject({ householdId: null, enumeratorId: member.id, previous: null })
    await call('drafts.update', {
      id: draft.id,
      response: makeHouseholdResponse(),
      cursor: { sectionId: 'household', questionId: 'head_name' },
      visitDate: FIXTURE_VISIT_DATE,
    })
    expect(await call('drafts.listOpen', {})).toHaveLength(1)
    const saved = await call('drafts.finalize', { id: draft.id, confirmWarnings: false })
    if (saved.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(saved)}`)
    expect(await call('drafts.listOpen', {})).toEqual([])
    const listed = await call('households.list', { query: 'nguyen van a' })
    expect(listed.map((h) => h.id)).toEqual([saved.householdId])
    const detail = await call('households.get', { id: saved.householdId })
    expect(detail.revisionId).toBe(saved.revisionId)
    const visits = await call('households.visits', { householdId: saved.householdId })
    expect(visits).toEqual([
      expect.objectContaining({
        enumeratorName: 'Lò Thị Mai',
        formId: 'household-digital-readiness',
        formVersion: 1,
      }),
    ])
    const visit = await call('households.visit', { visitId: visits[0]?.id ?? '' })
    expect(visit.previous).toBeNull()
    expect(
      await call('households.findDuplicates', {
        villageCode: FIXTURE_VILLAGE,
        headName: 'nguyen van a',
      }),
    ).toEqual([expect.objectContaining({ householdId: saved.householdId })])
    const progress = await call('places.villageProgress', { villageCode: FIXTURE_VILLAGE })
    expect(progress.village).toMatchObject({ households: 1, completed: 1 })
    expect(await call('team.list', {})).toEqual({ members: [member], currentId: member.id })

    const villages = await call('places.listVillages', {})
    expect(villages.find((v) => v.code === FIXTURE_VILLAGE)).toMatchObject({
      households: 1,
      pending: 1,
    })
    const form = await call('forms.getDefault', {})
    expect(form).toMatchObject({ id: 'household-digital-readiness', version: 1 })

    const status = await call('sync.setServerUrl', { serverUrl: 'http://127.0.0.1:8080/' })
    expect(status).toMatchObject({ serverUrl: 'http://127.0.0.1:8080', pending: 1, sent: 0 })
    expect(await call('sync.status', {})).toEqual(status)
  })

  it('answers a validation failure as data, not as an error', async () => {
    const draft = await call('drafts.start', { villageCode: FIXTURE_VILLAGE })
    await call('drafts.update', {
      id: draft.id,
      response: makeHouseholdResponse({ omit: ['visit_result'] }),
      cursor: null,
    })
    const answer = await call('drafts.finalize', { id: draft.id, confirmWarnings: true })
    expect(answer.status).toBe('invalid')
  })

  it('keeps the code of expected failures', async () => {
    const missing = await dispatch(t.ctx, 'households.get', {
      id: '019ab5e6-6c00-7000-8000-00000000beef',
    })
    expect(errorOf(missing).code).toBe('not_found')
    expect(errorOf(await dispatch(t.ctx, 'sync.run', {})).code).toBe('not_enrolled')
    expect(t.log.entries.filter((e) => e.level === 'error')).toEqual([])
  })

  it('answers internal for an unexpected failure and logs it without its message', async () => {
    await closeMainContext(t.ctx) // the store is gone: every query now throws
    const result = await dispatch(t.ctx, 'households.list', { query: 'Nguyễn Văn A' })
    expect(errorOf(result)).toEqual({ code: 'internal', message: 'Unexpected internal error' })
    const logged = t.log.entries.filter((e) => e.level === 'error')
    expect(logged).toHaveLength(1)
    expect(logged[0]?.event).toBe('ipc_call_failed')
    expect(logged[0]?.fields.call).toBe('households.list')
    expect(JSON.stringify(logged)).not.toContain('Nguyễn')
  })
})
