import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getHousehold, listHouseholds } from '../../../src/main/household/household.service'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { openRevision, sealedAt } from '../../../src/main/store/sealed-columns'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { exportBatchFile, getSyncStatus, runSync } from '../../../src/main/sync/sync.service'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { enrolWithServer } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { importInConsole, receiptFileOf } from './receipt-file-kit'
import { startTestServer, type TestServer } from './sync-test-servers'

/**
 * "Chờ biên nhận" against the real provincial server: a record that left the laptop in a
 * sealed batch (a USB export, or an upload whose answer was lost) awaits the province's
 * receipt, and only a verified receipt (over HTTP or on the stick) makes it "sent".
 */

let server: TestServer
let t: TestMain
let admin: ConsoleClient

beforeEach(async () => {
  server = await startTestServer()
  t = await openTestMain()
  admin = await enrolWithServer(t.ctx, server)
})

afterEach(async () => {
  await t.dispose()
  await server.stop()
})

async function batchCreatedAt(batchId: string): Promise<string> {
  const row = await t.ctx.db
    .selectFrom('sealed_batches')
    .select('created_at')
    .where('id', '=', batchId)
    .executeTakeFirstOrThrow()
  return row.created_at
}

/** A fetch that lets every request reach the server and loses every answer. */
function losingEveryAnswer(): typeof fetch {
  return async (input, init) => {
    await (await fetch(input, init)).arrayBuffer()
    throw new TypeError('fetch failed')
  }
}

describe('a record that left in a sealed batch awaits its receipt', () => {
  it('shows exported households as awaiting, then sent once the receipt file is loaded', async () => {
    const a = await recordVisit(t.ctx, makeHouseholdResponse())
    const b = await recordVisit(t.ctx, makeHouseholdResponse({ answers: { head_name: 'Lò Mai' } }))
    t.clock.advance(60_000)

    const file = await exportBatchFile(t.ctx)

    const exportedAt = await batchCreatedAt(file.batchId)
    for (const id of [a.householdId, b.householdId]) {
      expect(await getHousehold(t.ctx, id)).toMatchObject({
        syncState: 'awaiting',
        awaitingSince: exportedAt,
        awaitingVia: 'export',
        rejectReason: null,
      })
    }
    // The outbox still holds them: only a receipt settles a revision.
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 2, sent: 0, rejected: 0 })
    expect(await getSyncStatus(t.ctx)).toMatchObject({ pending: 2, awaiting: 2 })

    const imported = await importInConsole(admin, file)
    const applied = await dispatch(t.ctx, 'sync.importReceiptFile', {
      contentBase64: receiptFileOf(imported.signedReceipt),
    })

    expect(applied).toMatchObject({ ok: true, data: { accepted: 2, settled: 2 } })
    for (const id of [a.householdId, b.householdId]) {
      expect(await getHousehold(t.ctx, id)).toMatchObject({
        syncState: 'sent',
        awaitingSince: null,
        awaitingVia: null,
      })
    }
    expect(await getSyncStatus(t.ctx)).toMatchObject({ pending: 0, awaiting: 0, sent: 2 })
  })

  it('re-sends an unsettled export at the next online sync, each record stored once', async () => {
    const a = await recordVisit(t.ctx, makeHouseholdResponse())
    const file = await exportBatchFile(t.ctx)
    expect((await getHousehold(t.ctx, a.householdId)).syncState).toBe('awaiting')

    // The stick never reached the province: the next sync sends the record over HTTP.
    const report = await runSync(t.ctx)

    expect(report).toMatchObject({ batches: 1, sent: 1, accepted: 1, duplicate: 0 })
    expect(await getHousehold(t.ctx, a.householdId)).toMatchObject({ syncState: 'sent' })
    expect(await server.revisionCount()).toBe(1)
    // The file reaches the province later after all: known there, and its receipt settles nothing.
    const late = await importInConsole(admin, file)
    expect(late.receipt).toMatchObject({ accepted: 0, duplicate: 1 })
    const applied = await dispatch(t.ctx, 'sync.importReceiptFile', {
      contentBase64: receiptFileOf(late.signedReceipt),
    })
    expect(applied).toMatchObject({ ok: true, data: { settled: 0 } })
    expect(await getHousehold(t.ctx, a.householdId)).toMatchObject({ syncState: 'sent' })
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 1, rejected: 0 })
    expect(await server.revisionCount()).toBe(1)
  })

  it('answers an export the province already imported as duplicates at the next sync', async () => {
    const a = await recordVisit(t.ctx, makeHouseholdResponse())
    const file = await exportBatchFile(t.ctx)
    await importInConsole(admin, file)
    expect((await getHousehold(t.ctx, a.householdId)).syncState).toBe('awaiting')

    const report = await runSync(t.ctx)

    expect(report).toMatchObject({ batches: 1, sent: 1, accepted: 0, duplicate: 1 })
    expect(await getHousehold(t.ctx, a.householdId)).toMatchObject({ syncState: 'sent' })
    expect(await server.revisionCount()).toBe(1)
  })

  it('shows an upload whose answer was lost as awaiting, and sent after the next sync', async () => {
    const a = await recordVisit(t.ctx, makeHouseholdResponse())
    t.setNetwork(losingEveryAnswer())

    await expect(runSync(t.ctx)).rejects.toMatchObject({ code: 'server_unreachable' })

    const [upload] = await t.ctx.db.selectFrom('sealed_batches').selectAll().execute()
    expect(upload).toMatchObject({ kind: 'upload', settled_at: null })
    expect(await getHousehold(t.ctx, a.householdId)).toMatchObject({
      syncState: 'awaiting',
      awaitingSince: upload?.created_at,
      awaitingVia: 'upload',
    })
    // The server has it already; the laptop cannot know before a verified receipt.
    expect(await server.revisionCount()).toBe(1)

    t.setNetwork(globalThis.fetch.bind(globalThis))
    const report = await runSync(t.ctx)

    expect(report).toMatchObject({ batches: 1, sent: 1, duplicate: 1 })
    expect(await getHousehold(t.ctx, a.householdId)).toMatchObject({
      syncState: 'sent',
      awaitingSince: null,
    })
    expect(await server.revisionCount()).toBe(1)
  })

  it('keeps a rejected record rejected with its reason; an edit after export waits again', async () => {
    const bad = await recordVisit(t.ctx, makeHouseholdResponse({ answers: { head_name: 'Tư' } }))
    const edited = await recordVisit(t.ctx, makeHouseholdResponse())
    await breakRevision(bad.revisionId)
    const file = await exportBatchFile(t.ctx)
    // Saved again after the export: the new revision is in no batch, so it waits to be sent.
    await recordVisit(t.ctx, makeHouseholdResponse({ answers: { head_name: 'Lò Văn Hai' } }), {
      householdId: edited.householdId,
    })
    expect(await getHousehold(t.ctx, edited.householdId)).toMatchObject({
      syncState: 'pending',
      awaitingSince: null,
    })

    const imported = await importInConsole(admin, file)
    await dispatch(t.ctx, 'sync.importReceiptFile', {
      contentBase64: receiptFileOf(imported.signedReceipt),
    })

    const reason = imported.receipt.outcomes.find((o) => o.revisionId === bad.revisionId)?.reason
    expect(reason).toBeTruthy()
    expect(await getHousehold(t.ctx, bad.householdId)).toMatchObject({
      syncState: 'rejected',
      rejectReason: reason,
      awaitingSince: null,
    })
    // The receipt settled the exported revision, not the newer edit: that one still waits.
    expect((await getHousehold(t.ctx, edited.householdId)).syncState).toBe('pending')
    expect(await getSyncStatus(t.ctx)).toMatchObject({ pending: 1, awaiting: 0, rejected: 1 })
    expect(await runSync(t.ctx)).toMatchObject({ sent: 1, accepted: 1 })
    expect(await getHousehold(t.ctx, bad.householdId)).toMatchObject({
      syncState: 'rejected',
      rejectReason: reason,
    })
    expect((await getHousehold(t.ctx, edited.householdId)).syncState).toBe('sent')
    expect((await listHouseholds(t.ctx, { status: 'awaiting' })).length).toBe(0)
  })
})

/** The server judges with its own rules: a required answer goes missing from the revision. */
async function breakRevision(revisionId: string): Promise<void> {
  const row = await t.ctx.db
    .selectFrom('revisions')
    .select(['id', 'payload_json'])
    .where('id', '=', revisionId)
    .executeTakeFirstOrThrow()
  const payload = openRevision(t.ctx.cipher, row)
  delete payload.response.answers.head_name
  await t.ctx.db
    .updateTable('revisions')
    .set({ payload_json: t.ctx.cipher.sealJson(payload, sealedAt.revisionPayload(revisionId)) })
    .where('id', '=', revisionId)
    .execute()
}
