import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MainContext } from '../../../src/main/context'
import { loadEnrolment } from '../../../src/main/device/device-enrolment.repository'
import { enrolWithCode } from '../../../src/main/device/device-enrolment.service'
import { discardDraft, startDraft } from '../../../src/main/drafts/draft.service'
import { localFormOrNull } from '../../../src/main/forms/local-forms'
import { getHousehold, listHouseholds } from '../../../src/main/household/household.service'
import { registeredByVillage } from '../../../src/main/places/village-register.repository'
import { getSetting } from '../../../src/main/settings/settings.repository'
import { pullChanges } from '../../../src/main/sync/pull.service'
import { uploadSealedBatch } from '../../../src/main/sync/sync.client'
import { getSyncStatus, runSync } from '../../../src/main/sync/sync.service'
import { parseHlc } from '../../../src/shared/clock/hlc'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { FormDefinition, Group } from '../../../src/shared/forms/form-definition.schema'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import { sealBatch } from '../../../src/shared/sync/batch-codec.node.js'
import { dataOf } from '../../server/api-client'
import { COMMUNE, type ConsoleClient, OTHER_COMMUNE } from '../../server/auth/auth-test-kit'
import {
  FIXTURE_MS,
  FIXTURE_VILLAGE,
  makeHouseholdResponse,
  makeRevision,
} from '../../support/household-fixtures'
import { createEnrolmentCode, enrolWithServer } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { countingFetch, startTestServer, type TestServer } from './sync-test-servers'

const PULL_PATH = '/api/v1/sync/pull'
/** Laptop B's ids start far from A's, so the two laptops never make the same id. */
const SECOND_LAPTOP_SEED = FIXTURE_MS + 90_000_000
const THIRD_LAPTOP_SEED = FIXTURE_MS + 130_000_000

let server: TestServer
let admin: ConsoleClient
let a: TestMain
let b: TestMain
let bNetwork: ReturnType<typeof countingFetch>

beforeEach(async () => {
  server = await startTestServer()
  a = await openTestMain()
  admin = await enrolWithServer(a.ctx, server)
  bNetwork = countingFetch()
  b = await openTestMain({ fetch: bNetwork.fetch, idSeed: SECOND_LAPTOP_SEED })
  await enrolIn(b.ctx, COMMUNE)
})

afterEach(async () => {
  await a.dispose()
  await b.dispose()
  await server.stop()
})

async function enrolIn(ctx: MainContext, communeCode: string): Promise<void> {
  const { code } =
    communeCode === COMMUNE
      ? await createEnrolmentCode(admin, server.url)
      : dataOf(
          'devices.createEnrolmentCode',
          await admin.post('/api/v1/devices/enrolment-codes', {
            communeCode,
            serverUrl: server.url,
          }),
        )
  await enrolWithCode(ctx, { serverUrl: server.url, code, deviceName: 'Laptop thử' })
}

/** Edits a household the way a laptop does: a revisit starting from its current response. */
async function edit(t: TestMain, householdId: string, answers: FormResponse['answers']) {
  const current = await getHousehold(t.ctx, householdId)
  const response = { ...current.response, answers: { ...current.response.answers, ...answers } }
  return recordVisit(t.ctx, response, { householdId })
}

/** A saves a household and syncs it; returns its id. */
async function savedOnA(): Promise<string> {
  const saved = await recordVisit(
    a.ctx,
    makeHouseholdResponse({ answers: { head_name: 'Hoàng Văn Páo', phone: '0977123456' } }),
  )
  await runSync(a.ctx)
  return saved.householdId
}

describe('pulling the commune changes after a sync', () => {
  it("lists, decrypts and finds another laptop's household", async () => {
    const id = await savedOnA()

    const report = await runSync(b.ctx)

    expect(report.pulled).toMatchObject({ households: 1, skipped: 0 })
    const detail = await getHousehold(b.ctx, id)
    expect(detail).toMatchObject({ headName: 'Hoàng Văn Páo', syncState: 'sent' })
    expect(detail.response.answers.phone).toBe('0977123456')
    expect((await listHouseholds(b.ctx, { query: 'hoang pao' })).map((h) => h.id)).toEqual([id])
    expect((await listHouseholds(b.ctx, { query: '0977123456' })).map((h) => h.id)).toEqual([id])
    // Personal data is sealed at rest exactly as a local save seals it.
    const visit = await b.ctx.db.selectFrom('visits').select('response_json').executeTakeFirst()
    expect(visit?.response_json.startsWith('enc1:')).toBe(true)
    expect(visit?.response_json.includes('0977123456')).toBe(false)
    // Nothing pulled goes back out: its revision is kept as already on the server.
    const history = await b.ctx.db.selectFrom('revisions').select(['id', 'status']).execute()
    expect(history).toEqual([{ id: detail.revisionId, status: 'sent' }])
  })

  it("bases B's edit on the pulled revision, and A pulls B's change", async () => {
    const id = await savedOnA()
    await runSync(b.ctx)
    const pulledRevision = (await getHousehold(b.ctx, id)).revisionId

    await edit(b, id, { address: 'Số 99, bản Nà Hin' })
    const revision = await b.ctx.db
      .selectFrom('revisions')
      .select('base_revision_id')
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow()
    expect(revision.base_revision_id).toBe(pulledRevision)
    await runSync(b.ctx)
    const report = await runSync(a.ctx)

    expect(report.pulled).toMatchObject({ households: 1 })
    const onA = await getHousehold(a.ctx, id)
    expect(onA.response.answers.address).toBe('Số 99, bản Nà Hin')
    expect(onA.syncState).toBe('sent')
    expect((await listHouseholds(a.ctx, { query: 'na hin' })).map((h) => h.id)).toEqual([id])
  })

  it('keeps a household with an unsent edit or an open draft as it is on the laptop', async () => {
    const id = await savedOnA()
    const other = await recordVisit(
      a.ctx,
      makeHouseholdResponse({ answers: { head_name: 'Lò Thị Mai', phone: '0988000111' } }),
    )
    await runSync(a.ctx)
    await runSync(b.ctx)
    await edit(b, id, { address: 'Sửa trên máy B' })
    await startDraft(b.ctx, { villageCode: FIXTURE_VILLAGE, householdId: other.householdId })
    await edit(a, id, { address: 'Sửa trên máy A' })
    await edit(a, other.householdId, { address: 'Cũng sửa trên máy A' })
    await runSync(a.ctx)

    const enrolment = await loadEnrolment(b.ctx.db, b.ctx.cipher)
    if (!enrolment) throw new Error('B is enrolled')
    const counts = await pullChanges(b.ctx, enrolment, server.url)

    expect(counts).toMatchObject({ households: 0, skipped: 2 })
    expect((await getHousehold(b.ctx, id)).response.answers.address).toBe('Sửa trên máy B')
    expect((await getHousehold(b.ctx, id)).syncState).toBe('pending')
    expect((await getHousehold(b.ctx, other.householdId)).response.answers.address).toBe(
      'Số 12, xóm Khuổi My',
    )
  })

  it('keeps its cursor across a restart and downloads nothing twice', async () => {
    await savedOnA()
    await runSync(b.ctx)
    const cursor = Number(await getSetting(b.ctx.db, 'pull_cursor'))
    expect(cursor).toBeGreaterThan(0)

    await b.reopen()
    bNetwork.calls.length = 0
    const report = await runSync(b.ctx)

    expect(report.pulled).toMatchObject({ households: 0, skipped: 0 })
    const pulls = bNetwork.calls.filter((url) => url.includes(PULL_PATH))
    expect(pulls).toEqual([`${server.url}${PULL_PATH}?cursor=${cursor}&limit=200`])
  })

  it('brings the village register and the open conflicts of the commune', async () => {
    const village = dataOf(
      'places.createVillage',
      await admin.post(`/api/v1/places/communes/${COMMUNE}/villages`, {
        communeCode: COMMUNE,
        name: 'Bản Nà Hin',
        registeredHouseholds: 120,
      }),
    )
    const id = await savedOnA()
    await runSync(b.ctx)
    // Both laptops change the same answer from the same base: the server records a conflict.
    await edit(a, id, { phone: '0911000001' })
    await edit(b, id, { phone: '0911000002' })
    await runSync(a.ctx)
    await runSync(b.ctx)

    expect((await registeredByVillage(b.ctx.db)).get(village.code)).toBe(120)
    expect((await getSyncStatus(b.ctx)).openConflicts).toBe(1)
  })

  it("a laptop of another commune pulls nothing of this commune's households", async () => {
    await savedOnA()
    const c = await openTestMain({ idSeed: THIRD_LAPTOP_SEED })
    try {
      await enrolIn(c.ctx, OTHER_COMMUNE)
      const report = await runSync(c.ctx)
      expect(report.pulled).toMatchObject({ households: 0, skipped: 0 })
      expect(await listHouseholds(c.ctx, {})).toEqual([])
    } finally {
      await c.dispose()
    }
  })
})

describe('the device clock at sync', () => {
  it('keeps the server receipt time and flags a clock set back before the last sync', async () => {
    await savedOnA()
    const synced = await getSyncStatus(a.ctx)
    expect(synced.clockBehind).toBe(false)
    expect(synced.lastServerTime).not.toBeNull()

    a.clock.set(FIXTURE_MS - 3 * 24 * 3600_000)
    expect((await getSyncStatus(a.ctx)).clockBehind).toBe(true)
    // A sync with the clock still wrong does not hide it.
    await runSync(a.ctx)
    expect((await getSyncStatus(a.ctx)).clockBehind).toBe(true)

    a.clock.set(FIXTURE_MS + 60_000)
    expect((await getSyncStatus(a.ctx)).clockBehind).toBe(false)
  })
})

/** Version 2 of the household form: asks whether the household has a computer. */
function formVersionTwo(): FormDefinition {
  const form = structuredClone(defaultHouseholdForm)
  const details = form.sections[0]?.items.find((i) => i.id === 'household_details') as Group
  details.items.splice(2, 0, {
    kind: 'question',
    id: 'h_computer',
    type: 'yes_no',
    label: { vi: 'Hộ có máy tính', en: 'Household has a computer' },
    required: false,
  })
  return { ...form, version: 2 }
}

/** A uploads one household recorded on `form` (sealed with A's real enrolment). */
async function uploadFromA(form: FormDefinition, answers: FormResponse['answers']) {
  const enrolment = await loadEnrolment(a.ctx.db, a.ctx.cipher)
  if (!enrolment) throw new Error('A is enrolled')
  const revision = makeRevision({
    ids: a.ids,
    deviceId: a.ctx.deviceId,
    formVersion: form.version,
    responseOverrides: { answers },
  })
  const batchId = a.ids()
  const body = sealBatch({
    batchId,
    deviceId: a.ctx.deviceId,
    communeCode: enrolment.commune.code,
    createdAt: new Date(FIXTURE_MS).toISOString(),
    revisions: [revision],
    device: { signingPrivateKey: enrolment.signingKey, signingKeyId: enrolment.deviceKeyId },
    province: {
      encryptionPublicKey: enrolment.provincePublicKeys.encryptionPublicKey,
      encryptionKeyId: enrolment.provincePublicKeys.encryptionKeyId,
    },
    forms: (formId, version) => (formId === form.id && version === form.version ? form : undefined),
  })
  const receipt = await uploadSealedBatch(a.ctx, enrolment, server.url, {
    id: batchId,
    body,
    revisionIds: [revision.id],
  })
  expect(receipt.outcomes.map((o) => o.status)).toEqual(['accepted'])
  return revision
}

describe('what a pull brings besides households', () => {
  it('stores a form version published after the first pull, and the households made with it', async () => {
    await savedOnA()
    await runSync(b.ctx)
    const published = formVersionTwo()
    dataOf(
      'forms.publish',
      await admin.post(`/api/v1/forms/${published.id}/versions`, { definition: published }),
    )
    const revision = await uploadFromA(published, { h_computer: true })
    bNetwork.calls.length = 0

    const report = await runSync(b.ctx)

    expect(report.pulled).toMatchObject({ households: 1, skipped: 0 })
    // The page listed version 2 without its definition: B asked again for the definitions.
    expect(bNetwork.calls.some((url) => url.includes('withDefinitions=true'))).toBe(true)
    const detail = await getHousehold(b.ctx, revision.householdId)
    expect(detail).toMatchObject({ formVersion: 2, revisionId: revision.id })
    expect(detail.response.answers.h_computer).toBe(true)
    // Kept across a restart: records of version 2 stay readable.
    await b.reopen()
    expect(localFormOrNull(published.id, 2, b.ctx.db)).toEqual(published)
    const stored = await b.ctx.db.selectFrom('form_versions').select('version').execute()
    expect(stored.map((r) => r.version)).toContain(2)
  })

  it("moves the laptop's clock past every pulled stamp, so its next edit sorts after them", async () => {
    // A's clock runs two hours ahead of B's.
    a.clock.set(FIXTURE_MS + 2 * 3600_000)
    const id = await savedOnA()
    await runSync(b.ctx)
    const pulled = await getHousehold(b.ctx, id)
    const pulledHlc = (
      await b.ctx.db
        .selectFrom('revisions')
        .select('hlc')
        .where('id', '=', pulled.revisionId)
        .executeTakeFirstOrThrow()
    ).hlc

    await edit(b, id, { address: 'Sửa trên máy B' })
    const mine = await b.ctx.db
      .selectFrom('revisions')
      .select('hlc')
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow()

    expect(mine.hlc > pulledHlc).toBe(true)
    expect(parseHlc(mine.hlc).ms).toBe(parseHlc(pulledHlc).ms)
    // The server takes B's edit as the newer state, and A gets it back.
    await runSync(b.ctx)
    await runSync(a.ctx)
    expect((await getHousehold(a.ctx, id)).response.answers.address).toBe('Sửa trên máy B')
  })

  it('does not follow a stamp more than a day ahead, and says so in the log', async () => {
    a.clock.set(FIXTURE_MS + 3 * 24 * 3600_000)
    const id = await savedOnA()

    await runSync(b.ctx)

    expect((await getHousehold(b.ctx, id)).headName).toBe('Hoàng Văn Páo')
    expect(b.log.entries.map((e) => e.event)).toContain('sync_pull_stamps_ahead')
    expect(await getSetting(b.ctx.db, 'hlc_last')).toBeNull()
  })

  it('gives a household the server state it skipped once its draft is discarded', async () => {
    const id = await savedOnA()
    await runSync(b.ctx)
    const draft = await startDraft(b.ctx, { villageCode: FIXTURE_VILLAGE, householdId: id })
    await edit(a, id, { address: 'Sửa trên máy A' })
    await runSync(a.ctx)
    expect((await runSync(b.ctx)).pulled).toMatchObject({ households: 0, skipped: 1 })

    await discardDraft(b.ctx, draft.id)
    const report = await runSync(b.ctx)

    // Nothing changed on the server since: the state left aside is applied.
    expect(report.pulled).toMatchObject({ households: 1, skipped: 0 })
    const onB = await getHousehold(b.ctx, id)
    expect(onB.response.answers.address).toBe('Sửa trên máy A')
    expect(onB.syncState).toBe('sent')
    expect(await b.ctx.db.selectFrom('parked_households').selectAll().execute()).toEqual([])
  })

  it('takes the merged content the server keeps under a revision id the laptop already holds', async () => {
    const id = await savedOnA()
    await runSync(b.ctx)
    await edit(a, id, { address: 'Sửa trên máy A' })
    await runSync(a.ctx)
    // B edits another answer from the same base, later: its revision heads the merge.
    b.clock.set(FIXTURE_MS + 60_000)
    const mine = await edit(b, id, { phone: '0911222333' })
    const before = await b.ctx.db.selectFrom('revisions').select('id').execute()

    await runSync(b.ctx)

    const onB = await getHousehold(b.ctx, id)
    expect(onB.revisionId).toBe(mine.revisionId)
    expect(onB.response.answers).toMatchObject({
      address: 'Sửa trên máy A',
      phone: '0911222333',
    })
    expect(onB.syncState).toBe('sent')
    // The held revision was rewritten, not doubled; and it is never sent again.
    const after = await b.ctx.db.selectFrom('revisions').select(['id', 'status']).execute()
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort())
    expect(after.find((r) => r.id === mine.revisionId)?.status).toBe('sent')
    expect((await listHouseholds(b.ctx, { query: '0911222333' })).map((h) => h.id)).toEqual([id])
  })
})
