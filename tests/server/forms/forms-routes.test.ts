import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import {
  type FormDefinition,
  flattenQuestions,
  type Group,
} from '../../../src/shared/forms/form-definition.schema'
import {
  FIXTURE_MS,
  makeBatch,
  makeRevision,
  resetFixtureIds,
} from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { countRows, dataOf, errorOf } from '../api-client'
import { addUser, COMMUNE, type ConsoleClient, completeSetup } from '../auth/auth-test-kit'

const FORM_ID = defaultHouseholdForm.id
const VERSIONS = `/api/v1/forms/${FORM_ID}/versions`
const QUESTION_COUNT = defaultHouseholdForm.sections.flatMap((s) =>
  flattenQuestions(s.items),
).length

/** Version 2: asks consenting households whether they have a computer (required). */
function versionTwo(changes: Partial<FormDefinition> = {}): FormDefinition {
  const form = structuredClone(defaultHouseholdForm)
  const details = form.sections[0]?.items.find((i) => i.id === 'household_details') as Group
  details.items.splice(2, 0, {
    kind: 'question',
    id: 'h_computer',
    type: 'yes_no',
    label: { vi: 'Hộ có máy tính', en: 'Household has a computer' },
    required: true,
  })
  return { ...form, version: 2, ...changes }
}

describe.each(serverStores())('form versions on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  const clock = new ManualClock(FIXTURE_MS)

  beforeEach(async () => {
    resetFixtureIds()
    clock.set(FIXTURE_MS)
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
  })
  afterEach(async () => {
    await t?.close()
  })

  const storedVersions = async () =>
    (
      await t.store.db.selectFrom('form_versions').select('version').orderBy('version').execute()
    ).map((r) => r.version)

  it('has the built-in household form as version 1 out of the box, readable by every role', async () => {
    const list = dataOf('forms.list', await admin.get('/api/v1/forms'))
    expect(list.items).toEqual([
      {
        formId: FORM_ID,
        version: 1,
        title: defaultHouseholdForm.title,
        source: 'builtin',
        publishedAt: '2025-07-01T00:00:00.000Z',
        publishedBy: null,
        sectionCount: 2,
        questionCount: QUESTION_COUNT,
        latest: true,
      },
    ])
    const { client: viewer } = await addUser(t, admin, {
      username: 'xem',
      role: 'commune_viewer',
      communeCode: COMMUNE,
    })
    const one = dataOf('forms.get', await viewer.get(`${VERSIONS}/1`))
    expect(one.definition).toEqual(defaultHouseholdForm)
    expect((await viewer.get(`${VERSIONS}/2`)).status).toBe(404)
    expect((await viewer.get(`${VERSIONS}/zero`)).status).toBe(400)
  })

  it('publishes version 2 with its diff, audited, and keeps version 1', async () => {
    const candidate = versionTwo()
    const diff = dataOf(
      'forms.diff',
      await admin.post('/api/v1/forms/diff', { definition: candidate }),
    )
    expect(diff).toMatchObject({ formId: FORM_ID, fromVersion: 1, toVersion: null })
    expect(diff.changes.map((c) => [c.change, c.target, c.id])).toEqual([
      ['added', 'question', 'h_computer'],
    ])
    expect(await storedVersions()).toEqual([1])

    clock.advance(60_000)
    const published = dataOf('forms.publish', await admin.post(VERSIONS, { definition: candidate }))

    expect(published).toMatchObject({
      formId: FORM_ID,
      version: 2,
      source: 'json',
      publishedBy: 'admin',
      publishedAt: new Date(FIXTURE_MS + 60_000).toISOString(),
      questionCount: QUESTION_COUNT + 1,
      latest: true,
    })
    expect(published.changes).toEqual(diff.changes)
    const list = dataOf('forms.list', await admin.get(`/api/v1/forms?formId=${FORM_ID}`))
    expect(list.items.map((v) => [v.version, v.latest, v.source])).toEqual([
      [2, true, 'json'],
      [1, false, 'builtin'],
    ])
    expect(dataOf('forms.get', await admin.get(`${VERSIONS}/1`)).definition).toEqual(
      defaultHouseholdForm,
    )
    expect(dataOf('forms.get', await admin.get(`${VERSIONS}/2`)).definition).toEqual(candidate)
    const between = dataOf(
      'forms.diff',
      await admin.post('/api/v1/forms/diff', { formId: FORM_ID, fromVersion: 1, toVersion: 2 }),
    )
    expect(between.changes).toEqual(diff.changes)

    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['target_id', 'details_json'])
      .where('action', '=', 'forms.version_published')
      .execute()
    expect(audit.map((a) => [a.target_id, JSON.parse(a.details_json)])).toEqual([
      [`${FORM_ID}@2`, { formId: FORM_ID, version: 2, source: 'json', changes: 1 }],
    ])
  })

  it('refuses a wrong version, another form, an invalid or unchanged definition, storing nothing', async () => {
    const cases: { body: unknown; path?: string; status: number; message?: RegExp }[] = [
      { body: { definition: versionTwo({ version: 3 }) }, status: 400, message: /must be 2/ },
      { body: { definition: versionTwo({ version: 1 }) }, status: 400, message: /must be 2/ },
      {
        body: { definition: versionTwo({ id: 'other-form' }) },
        status: 400,
        message: /is not the form/,
      },
      {
        body: { definition: { ...versionTwo(), sections: [] } },
        status: 400,
        message: /definition\.sections/,
      },
      {
        body: {
          definition: versionTwo({
            sections: [
              {
                kind: 'fields',
                id: 'household',
                label: { vi: 'Hộ', en: 'Household' },
                items: [
                  {
                    kind: 'question',
                    id: 'head_name',
                    type: 'text',
                    label: { vi: 'Chủ hộ', en: 'Head' },
                    required: true,
                    relevant: { op: 'eq', args: [{ ref: 'missing' }, { lit: 1 }] },
                  },
                ],
              },
            ],
          }),
        },
        status: 400,
        message: /unknown question "missing"/,
      },
      {
        body: { definition: { ...defaultHouseholdForm, version: 2 } },
        status: 400,
        message: /nothing changed/,
      },
      { body: { definition: 'not json' }, status: 400 },
      {
        body: { definition: versionTwo({ id: 'market-survey' }) },
        path: '/api/v1/forms/market-survey/versions',
        status: 404,
      },
    ]
    for (const { body, path, status, message } of cases) {
      const answer = await admin.post(path ?? VERSIONS, body)
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      if (message) expect(errorOf(answer).message).toMatch(message)
    }
    const { client: staff } = await addUser(t, admin, { username: 'canbo', role: 'province_staff' })
    expect((await staff.post(VERSIONS, { definition: versionTwo() })).status).toBe(403)
    expect(await storedVersions()).toEqual([1])
    expect(dataOf('forms.get', await admin.get(`${VERSIONS}/1`)).definition).toEqual(
      defaultHouseholdForm,
    )
  })

  it('publishes a version number once when two admins publish at the same time', async () => {
    const answers = await Promise.all([
      admin.post(VERSIONS, { definition: versionTwo() }),
      admin.post(VERSIONS, { definition: versionTwo({ title: { vi: 'Phiếu mới', en: 'New' } }) }),
    ])
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses[0]).toBe(200)
    expect([400, 409]).toContain(statuses[1])
    expect(await storedVersions()).toEqual([1, 2])
  })

  it('validates each revision against the published version it names', async () => {
    const published = versionTwo()
    dataOf('forms.publish', await admin.post(VERSIONS, { definition: published }))
    const withoutComputer = makeRevision({ formVersion: 2 })
    const withComputer = makeRevision({
      formVersion: 2,
      responseOverrides: { answers: { h_computer: false } },
    })
    const versionOne = makeRevision({ formVersion: 1 })
    // The laptop pulled version 2; it seals with the definitions it holds.
    const laptop = await HouseholdSeeder.enrol(t, admin)

    const receipt = await laptop.upload(makeBatch([withoutComputer, withComputer, versionOne]), {
      forms: [published],
    })

    expect(receipt.outcomes.map((o) => [o.status, o.reason ?? null])).toEqual([
      ['rejected', 'validation_failed'],
      ['accepted', null],
      ['accepted', null],
    ])
    expect(receipt.outcomes[0]?.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'required', questionId: 'h_computer' }),
    )
    const stored = await t.store.db
      .selectFrom('households')
      .select(['id', 'form_version', 'response_json'])
      .where('id', '=', withComputer.householdId)
      .executeTakeFirstOrThrow()
    expect(stored.form_version).toBe(2)
    expect(JSON.parse(stored.response_json).answers.h_computer).toBe(false)

    // A version the server never published: the whole file is refused, nothing is stored.
    const before = await countRows(t.store.db)
    const unknown = makeBatch([makeRevision({ formVersion: 3 })])
    const refused = await laptop.send(
      unknown.deviceId,
      laptop.seal(unknown, { forms: [versionTwo({ version: 3 })] }),
    )
    expect(refused.status).toBe(422)
    expect(errorOf(refused).code).toBe('form_unknown')
    expect(await countRows(t.store.db)).toMatchObject({ ...before, batches: before.batches + 1 })
  })
})
