import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enrolWithFile } from '../../../src/main/device/device-enrolment.service'
import { startDraft, updateDraftAnswers } from '../../../src/main/drafts/draft.service'
import { finalizeDraft } from '../../../src/main/drafts/draft-finalize.service'
import { currentForm } from '../../../src/main/forms/local-forms'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { villageProgress } from '../../../src/main/places/village-progress.service'
import { runSync } from '../../../src/main/sync/sync.service'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { dataOf } from '../../server/api-client'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import {
  FIXTURE_VILLAGE,
  FIXTURE_VISIT_DATE,
  makeHouseholdResponse,
} from '../../support/household-fixtures'
import { createEnrolmentFile, enrolWithServer, setUpProvince } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { householdFormV2, NEW_QUESTION, publishForm } from './form-versions-kit'
import { startTestServer, type TestServer } from './sync-test-servers'

let server: TestServer
let laptop: TestMain

beforeEach(async () => {
  server = await startTestServer()
  laptop = await openTestMain()
})

afterEach(async () => {
  await laptop.dispose()
  await server.stop()
})

/** The household as the province server stored it. */
async function onServer(admin: ConsoleClient, householdId: string) {
  return dataOf('households.get', await admin.get(`/api/v1/households/${householdId}`))
}

async function storedContributions(t: TestMain): Promise<(string | null)[]> {
  const rows = await t.ctx.db.selectFrom('households').select('contribution_json').execute()
  return rows.map((r) => r.contribution_json)
}

describe('a form version published while the laptop works', () => {
  it('new visits use the pulled version; a draft started before keeps its own and is not stranded', async () => {
    const admin = await enrolWithServer(laptop.ctx, server)
    // A visit in progress on version 1 when the province publishes version 2.
    const early = await startDraft(laptop.ctx, { villageCode: FIXTURE_VILLAGE })
    expect(early.formVersion).toBe(1)
    await updateDraftAnswers(laptop.ctx, {
      id: early.id,
      response: makeHouseholdResponse({ answers: { head_name: 'Lò Văn Sáu' } }),
      cursor: null,
      visitDate: FIXTURE_VISIT_DATE,
    })
    const v2 = householdFormV2()
    await publishForm(admin, v2)

    await runSync(laptop.ctx)

    expect(currentForm(laptop.ctx.db)).toEqual(v2)
    // The renderer renders each draft with its own version.
    const v1Answer = await dispatch(laptop.ctx, 'forms.get', { formId: v2.id, version: 1 })
    expect(v1Answer).toEqual({ ok: true, data: defaultHouseholdForm })
    const missing = await dispatch(laptop.ctx, 'forms.get', { formId: v2.id, version: 9 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'unknown_form' } })

    // A new household is recorded on version 2, which requires the new question.
    const fresh = await startDraft(laptop.ctx, { villageCode: FIXTURE_VILLAGE })
    expect(fresh.formVersion).toBe(2)
    await updateDraftAnswers(laptop.ctx, {
      id: fresh.id,
      response: makeHouseholdResponse({ answers: { head_name: 'Hà Thị Bảy' } }),
      cursor: null,
      visitDate: FIXTURE_VISIT_DATE,
    })
    const unanswered = await finalizeDraft(laptop.ctx, { id: fresh.id, confirmWarnings: true })
    expect(unanswered.status).toBe('invalid')
    expect(unanswered.status === 'invalid' && unanswered.issues.map((i) => i.questionId)).toContain(
      NEW_QUESTION,
    )
    await updateDraftAnswers(laptop.ctx, {
      id: fresh.id,
      response: makeHouseholdResponse({
        answers: { head_name: 'Hà Thị Bảy', [NEW_QUESTION]: true },
      }),
      cursor: null,
    })
    const second = await finalizeDraft(laptop.ctx, { id: fresh.id, confirmWarnings: true })
    // The early draft is checked against version 1, which lacks the question: it saves.
    const first = await finalizeDraft(laptop.ctx, { id: early.id, confirmWarnings: true })
    if (first.status !== 'saved' || second.status !== 'saved') {
      throw new Error(`both visits save: ${JSON.stringify([first, second])}`)
    }

    const report = await runSync(laptop.ctx)

    expect(report).toMatchObject({ accepted: 2, rejected: 0 })
    const serverFirst = await onServer(admin, first.householdId)
    const serverSecond = await onServer(admin, second.householdId)
    expect([serverFirst.formVersion, serverSecond.formVersion]).toEqual([1, 2])
    expect(serverFirst.response.answers[NEW_QUESTION]).toBeUndefined()
    expect(serverSecond.response.answers[NEW_QUESTION]).toBe(true)

    // Both count in the village indicators, each with its own version — also after the
    // restart that recomputes them because the laptop now holds another form version.
    const progress = await villageProgress(laptop.ctx, FIXTURE_VILLAGE)
    expect(progress.village.households).toBe(2)
    const adults = progress.indicators.find((i) => i.id === 'smartphone_adults')
    expect(adults).toMatchObject({ numerator: 2, denominator: 4 })
    expect(await storedContributions(laptop)).not.toContain(null)
    await laptop.reopen()
    expect(await villageProgress(laptop.ctx, FIXTURE_VILLAGE)).toEqual(progress)
    expect(currentForm(laptop.ctx.db).version).toBe(2)
  })
})

describe('a laptop enrolled from a file', () => {
  it('records on the newest version the file carries, without any pull', async () => {
    const offline = async (): Promise<Response> => {
      throw new TypeError('offline')
    }
    laptop.setNetwork(offline)
    const admin = await setUpProvince(server)
    const v2 = householdFormV2()
    await publishForm(admin, v2)
    const file = await createEnrolmentFile(admin, server.url)

    await enrolWithFile(laptop.ctx, { content: JSON.stringify(file.envelope) })

    expect(currentForm(laptop.ctx.db)).toEqual(v2)
    const saved = await recordVisit(
      laptop.ctx,
      makeHouseholdResponse({ answers: { [NEW_QUESTION]: false } }),
    )
    const visit = await laptop.ctx.db
      .selectFrom('visits')
      .select(['form_id', 'form_version'])
      .where('household_id', '=', saved.householdId)
      .executeTakeFirstOrThrow()
    expect(visit).toEqual({ form_id: v2.id, form_version: 2 })
    // Kept in the store: still the current form after a restart.
    await laptop.reopen()
    expect(currentForm(laptop.ctx.db).version).toBe(2)
  })
})
