import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { countRevisionsByStatus } from '../../../src/main/sync/outbox.repository'
import { exportBatchFile } from '../../../src/main/sync/sync.service'
import type { SyncReceipt } from '../../../src/shared/api/http.contract'
import type { ExportedBatch } from '../../../src/shared/api/ipc.contract'
import { RECEIPT_PURPOSE, sealReceipt } from '../../../src/shared/sync/batch-codec.node.js'
import { signEnvelope } from '../../../src/shared/sync/device-signature.node.js'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { enrolLocally, makeTestProvince, type TestProvince } from '../device/device-test-kit'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'
import { localState, receiptFileOf } from './receipt-file-kit'

/**
 * Receipt files that must not settle anything: the laptop is enrolled with a province whose
 * keys this test holds, so it can sign receipts the real server would never make (for
 * another batch, missing a record) as well as receipts from another province.
 */

const offline = async (): Promise<Response> => {
  throw new TypeError('offline')
}

let t: TestMain
let province: TestProvince
let file: ExportedBatch
let revisionIds: string[]

beforeEach(async () => {
  t = await openTestMain({ fetch: offline })
  province = makeTestProvince()
  await enrolLocally(t.ctx, province, 'http://127.0.0.1:9')
  await recordVisit(t.ctx, makeHouseholdResponse())
  await recordVisit(t.ctx, makeHouseholdResponse({ answers: { head_name: 'Lò Văn Hai' } }))
  file = await exportBatchFile(t.ctx)
  revisionIds = (await t.ctx.db.selectFrom('revisions').select('id').orderBy('hlc').execute()).map(
    (r) => r.id,
  )
})

afterEach(async () => {
  await t.dispose()
})

/** A receipt of the exported batch accepting every record, before any tampering. */
function receiptOf(overrides: Partial<SyncReceipt> = {}): SyncReceipt {
  return {
    batchId: file.batchId,
    receivedAt: '2025-11-25T03:00:00.000Z',
    accepted: revisionIds.length,
    duplicate: 0,
    rejected: 0,
    outcomes: revisionIds.map((revisionId) => ({ revisionId, status: 'accepted' as const })),
    ...overrides,
  }
}

const signed = (receipt: SyncReceipt, by: TestProvince = province) =>
  receiptFileOf(sealReceipt(receipt, by.signingPrivateKey))

const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64')

/** Applies the content and expects a refusal with `code` that changed nothing. */
async function expectRefused(contentBase64: string, code: string): Promise<void> {
  const before = await localState(t.ctx)
  const answer = await dispatch(t.ctx, 'sync.importReceiptFile', { contentBase64 })
  expect(answer).toMatchObject({ ok: false, error: { code } })
  expect(await localState(t.ctx)).toEqual(before)
  expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 2, sent: 0, rejected: 0 })
}

describe('a receipt file that is not one of this province’s receipts for this laptop', () => {
  it('applies a genuine receipt (the baseline the refusals below differ from)', async () => {
    const answer = await dispatch(t.ctx, 'sync.importReceiptFile', {
      contentBase64: signed(receiptOf()),
    })
    expect(answer).toMatchObject({ ok: true, data: { accepted: 2, settled: 2 } })
    expect(await countRevisionsByStatus(t.ctx.db)).toEqual({ pending: 0, sent: 2, rejected: 0 })
  })

  it('refuses what is not a receipt at all', async () => {
    await expectRefused(file.bytesBase64, 'receipt_file_invalid') // the batch file itself
    await expectRefused(base64('{"hello": "world"}'), 'receipt_file_invalid')
    await expectRefused(base64('[1, 2, 3]'), 'receipt_file_invalid')
    await expectRefused(base64(new Uint8Array([0, 159, 146, 150, 255])), 'receipt_file_invalid')
    await expectRefused('not base64!', 'receipt_file_invalid')
  })

  it('refuses another kind of document signed by the province (an enrolment file)', async () => {
    const enrolment = signEnvelope(province.signingPrivateKey, 'langso-enrolment', receiptOf())
    await expectRefused(receiptFileOf(enrolment), 'receipt_file_invalid')
  })

  it('refuses a receipt signed by another province’s key', async () => {
    await expectRefused(signed(receiptOf(), makeTestProvince()), 'receipt_other_province')
  })

  it('refuses an altered receipt, and one signed by another key under our key id', async () => {
    const genuine = sealReceipt(receiptOf(), province.signingPrivateKey)
    const rejected = receiptOf({
      accepted: 1,
      rejected: 1,
      outcomes: [
        { revisionId: revisionIds[0] ?? '', status: 'accepted' },
        { revisionId: revisionIds[1] ?? '', status: 'rejected', reason: 'validation_failed' },
      ],
    })
    const altered = { ...genuine, payload: base64(JSON.stringify(rejected)) }
    await expectRefused(receiptFileOf(altered), 'receipt_signature_invalid')

    const forged = sealReceipt(receiptOf(), makeTestProvince().signingPrivateKey)
    await expectRefused(
      receiptFileOf({ ...forged, keyId: province.signingKeyId }),
      'receipt_signature_invalid',
    )
  })

  it('refuses a signed envelope whose content is not a coherent receipt', async () => {
    const lying = signEnvelope(
      province.signingPrivateKey,
      RECEIPT_PURPOSE,
      receiptOf({ accepted: 5 }),
    )
    await expectRefused(receiptFileOf(lying), 'receipt_file_invalid')
    const notReceipt = signEnvelope(province.signingPrivateKey, RECEIPT_PURPOSE, { batchId: 1 })
    await expectRefused(receiptFileOf(notReceipt), 'receipt_file_invalid')
  })

  it('refuses a receipt for a batch this laptop never sealed', async () => {
    const elsewhere = receiptOf({ batchId: '01900000-0000-7000-8000-00000000abcd' })
    await expectRefused(signed(elsewhere), 'receipt_unknown_batch')
  })

  it('refuses a receipt that does not answer exactly the batch’s records', async () => {
    const [first] = revisionIds
    const missing = receiptOf({
      accepted: 1,
      outcomes: [{ revisionId: first ?? '', status: 'accepted' }],
    })
    await expectRefused(signed(missing), 'receipt_mismatch')
    const stranger = receiptOf({
      accepted: 3,
      outcomes: [
        ...receiptOf().outcomes,
        { revisionId: '01900000-0000-7000-8000-00000000beef', status: 'accepted' },
      ],
    })
    await expectRefused(signed(stranger), 'receipt_mismatch')
  })

  it('refuses on a laptop that is not enrolled', async () => {
    const fresh = await openTestMain({ fetch: offline })
    try {
      const answer = await dispatch(fresh.ctx, 'sync.importReceiptFile', {
        contentBase64: signed(receiptOf()),
      })
      expect(answer).toMatchObject({ ok: false, error: { code: 'not_enrolled' } })
    } finally {
      await fresh.dispose()
    }
  })
})
