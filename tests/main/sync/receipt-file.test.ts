import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getHousehold } from '../../../src/main/household/household.service'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { openRevision, sealedAt } from '../../../src/main/store/sealed-columns'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { exportBatchFile, runSync } from '../../../src/main/sync/sync.service'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { createEnrolmentCode, enrolWithServer } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { enrolSecondLaptop, importInConsole, localState, receiptFileOf } from './receipt-file-kit'
import { countingFetch, startTestServer, type TestServer } from './sync-test-servers'

/**
 * The USB return path (DESIGN.md §5, principle 4) against the real provincial server: the
 * laptop exports a batch file, province staff import it in the console, the province-signed
 * receipt goes back on the stick and the laptop applies it — no network between them.
 */

let server: TestServer
let t: TestMain
let admin: ConsoleClient
let network: ReturnType<typeof countingFetch>

beforeEach(async () => {
  server = await startTestServer()
  network = countingFetch()
  t = await openTestMain({ fetch: network.fetch })
  admin = await enrolWithServer(t.ctx, server)
  network.calls.length = 0
})

afterEach(async () => {
  await t.dispose()
  await server.stop()
})

function applyFile(ctx: TestMain['ctx'], contentBase64: string) {
  return dispatch(ctx, 'sync.importReceiptFile', { contentBase64 })
}

describe('a receipt file from the console settles the exported records', () => {
  it('marks the exported records sent without any network, as an HTTP receipt would', async () => {
    const a = await recordVisit(t.ctx, makeHouseholdResponse())
    const b = await recordVisit(t.ctx, makeHouseholdResponse({ answers: { head_name: 'Lò Mai' } }))
    const file = await exportBatchFile(t.ctx)
    const imported = await importInConsole(admin, file)
    expect(imported.receipt.accepted).toBe(2)

    const applied = await applyFile(t.ctx, receiptFileOf(imported.signedReceipt))

    expect(applied).toEqual({
      ok: true,
      data: {
        batchId: file.batchId,
        receivedAt: imported.receipt.receivedAt,
        accepted: 2,
        duplicate: 0,
        rejected: 0,
        settled: 2,
      },
    })
    expect(network.calls).toEqual([])
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 2, rejected: 0 })
    for (const id of [a.householdId, b.householdId]) {
      expect(await getHousehold(t.ctx, id)).toMatchObject({ syncState: 'sent' })
    }
    const revisions = await t.ctx.db.selectFrom('revisions').select('batch_id').execute()
    expect(revisions.map((r) => r.batch_id)).toEqual([file.batchId, file.batchId])
    const batch = await t.ctx.db
      .selectFrom('sealed_batches')
      .select('settled_at')
      .where('id', '=', file.batchId)
      .executeTakeFirstOrThrow()
    expect(batch.settled_at).toBe(new Date(t.clock.now()).toISOString())
    // The next online sync has nothing left to send.
    expect(await runSync(t.ctx)).toMatchObject({ batches: 0, sent: 0 })
    expect(await server.revisionCount()).toBe(2)
  })

  it('takes a receipt of the file imported a second time ("duplicate") as delivered', async () => {
    const a = await recordVisit(t.ctx, makeHouseholdResponse())
    const file = await exportBatchFile(t.ctx)
    await importInConsole(admin, file)
    const again = await importInConsole(admin, file)
    expect(again.receipt).toMatchObject({ accepted: 0, duplicate: 1 })

    const applied = await applyFile(t.ctx, receiptFileOf(again.signedReceipt))

    expect(applied).toMatchObject({ ok: true, data: { duplicate: 1, settled: 1 } })
    expect(await getHousehold(t.ctx, a.householdId)).toMatchObject({ syncState: 'sent' })
  })

  it('applying the same receipt twice changes nothing and says so', async () => {
    await recordVisit(t.ctx, makeHouseholdResponse())
    const file = await exportBatchFile(t.ctx)
    const receipt = receiptFileOf((await importInConsole(admin, file)).signedReceipt)
    expect(await applyFile(t.ctx, receipt)).toMatchObject({ ok: true })
    const before = await localState(t.ctx)
    t.clock.advance(60_000)

    const second = await applyFile(t.ctx, receipt)

    expect(second).toMatchObject({ ok: false, error: { code: 'receipt_already_applied' } })
    expect(await localState(t.ctx)).toEqual(before)
  })

  it('keeps a rejected record visible with the server’s reason', async () => {
    const good = await recordVisit(t.ctx, makeHouseholdResponse())
    const bad = await recordVisit(t.ctx, makeHouseholdResponse({ answers: { head_name: 'Tư' } }))
    // The server judges with its own copy of the rules: a required answer goes missing here.
    const row = await t.ctx.db
      .selectFrom('revisions')
      .select(['id', 'payload_json'])
      .where('id', '=', bad.revisionId)
      .executeTakeFirstOrThrow()
    const payload = openRevision(t.ctx.cipher, row)
    delete payload.response.answers.head_name
    await t.ctx.db
      .updateTable('revisions')
      .set({
        payload_json: t.ctx.cipher.sealJson(payload, sealedAt.revisionPayload(bad.revisionId)),
      })
      .where('id', '=', bad.revisionId)
      .execute()
    const file = await exportBatchFile(t.ctx)
    const imported = await importInConsole(admin, file)
    const reason = imported.receipt.outcomes.find((o) => o.revisionId === bad.revisionId)?.reason

    const applied = await applyFile(t.ctx, receiptFileOf(imported.signedReceipt))

    expect(applied).toMatchObject({ ok: true, data: { accepted: 1, rejected: 1, settled: 2 } })
    expect(reason).toBeTruthy()
    expect(await getHousehold(t.ctx, bad.householdId)).toMatchObject({
      syncState: 'rejected',
      rejectReason: reason,
    })
    expect(await getHousehold(t.ctx, good.householdId)).toMatchObject({ syncState: 'sent' })
    expect((await runSync(t.ctx)).sent).toBe(0) // a rejected record is not re-sent as is
  })

  it('refuses the receipt of a batch another laptop sealed, and changes nothing', async () => {
    await recordVisit(t.ctx, makeHouseholdResponse())
    await exportBatchFile(t.ctx)
    const other = await enrolSecondLaptop(server, await createEnrolmentCode(admin, server.url))
    try {
      await recordVisit(other.ctx, makeHouseholdResponse({ answers: { head_name: 'Nông Văn Ba' } }))
      const theirs = await importInConsole(admin, await exportBatchFile(other.ctx))
      const before = await localState(t.ctx)

      const applied = await applyFile(t.ctx, receiptFileOf(theirs.signedReceipt))

      expect(applied).toMatchObject({ ok: false, error: { code: 'receipt_unknown_batch' } })
      expect(await localState(t.ctx)).toEqual(before)
      expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 1, sent: 0, rejected: 0 })
    } finally {
      await other.dispose()
    }
  })

  it('names the exported file so staff recognise it on a stick', async () => {
    await recordVisit(t.ctx, makeHouseholdResponse())

    const file = await exportBatchFile(t.ctx)

    // Sealed at 16:00 UTC on 24 November 2025: 23:00 in Vietnam, as every time in the app.
    expect(t.clock.now()).toBe(Date.parse('2025-11-24T16:00:00Z'))
    expect(file.fileName).toBe(
      `langso-00700-20251124-2300-${file.batchId.replaceAll('-', '').slice(-8)}.langso-batch`,
    )
    expect(file.fileName).toMatch(/^[\x20-\x7e]+$/)
  })
})
