import { describe, expect, it } from 'vitest'
import type { SyncReceipt } from '../../../src/shared/api/http/sync.contract'
import {
  BatchError,
  type BatchErrorReason,
  openReceipt,
  RECEIPT_PURPOSE,
  sealReceipt,
} from '../../../src/shared/sync/batch-codec.node.js'
import { signEnvelope } from '../../../src/shared/sync/device-signature.node.js'
import { DEVICE_KEY, PROVINCE_SIGNING_KEY } from '../../fixtures/batches/batch-keys'
import { BATCH_ID } from '../../fixtures/batches/hostile-corpus'

const receipt: SyncReceipt = {
  batchId: BATCH_ID,
  receivedAt: '2025-11-25T02:00:00.000Z',
  accepted: 1,
  duplicate: 1,
  rejected: 1,
  outcomes: [
    { revisionId: '019ab5e6-6c00-7000-8000-0000000000a1', status: 'accepted' },
    { revisionId: '019ab5e6-6c00-7000-8000-0000000000a2', status: 'duplicate' },
    {
      revisionId: '019ab5e6-6c00-7000-8000-0000000000a3',
      status: 'rejected',
      reason: 'response_invalid',
    },
  ],
}

function reasonOf(open: () => unknown): BatchErrorReason | 'none' {
  try {
    open()
    return 'none'
  } catch (error) {
    if (error instanceof BatchError) return error.reason
    throw error
  }
}

describe('signed receipts', () => {
  const envelope = sealReceipt(receipt, PROVINCE_SIGNING_KEY.privateKey)

  it('verify with the province signing key, as object, JSON text or bytes', () => {
    const key = PROVINCE_SIGNING_KEY.publicBase64
    expect(envelope.purpose).toBe(RECEIPT_PURPOSE)
    expect(envelope.keyId).toBe(PROVINCE_SIGNING_KEY.keyId)
    expect(openReceipt(envelope, key, BATCH_ID)).toEqual(receipt)
    expect(openReceipt(JSON.stringify(envelope), PROVINCE_SIGNING_KEY.publicKey)).toEqual(receipt)
    expect(openReceipt(Buffer.from(JSON.stringify(envelope)), key)).toEqual(receipt)
  })

  it('fail when the payload was altered', () => {
    const forged = {
      ...receipt,
      accepted: 3,
      duplicate: 0,
      rejected: 0,
      outcomes: receipt.outcomes.map((o) => ({
        revisionId: o.revisionId,
        status: 'accepted' as const,
      })),
    }
    const tampered = {
      ...envelope,
      payload: Buffer.from(JSON.stringify(forged)).toString('base64'),
    }
    expect(reasonOf(() => openReceipt(tampered, PROVINCE_SIGNING_KEY.publicKey))).toBe(
      'signature_invalid',
    )
  })

  it('fail when signed by another key (a device, a fake server)', () => {
    const fake = signEnvelope(DEVICE_KEY.privateKey, RECEIPT_PURPOSE, receipt)
    expect(reasonOf(() => openReceipt(fake, PROVINCE_SIGNING_KEY.publicKey))).toBe(
      'signature_invalid',
    )
  })

  it('fail when a province document of another purpose is offered as a receipt', () => {
    const other = signEnvelope(PROVINCE_SIGNING_KEY.privateKey, 'langso-enrolment-file', receipt)
    expect(reasonOf(() => openReceipt(other, PROVINCE_SIGNING_KEY.publicKey))).toBe(
      'signature_invalid',
    )
  })

  it('fail when the signature bytes are altered', () => {
    const signature = Buffer.from(envelope.signature, 'base64')
    signature[5] = (signature[5] ?? 0) ^ 1
    const tampered = { ...envelope, signature: signature.toString('base64') }
    expect(reasonOf(() => openReceipt(tampered, PROVINCE_SIGNING_KEY.publicKey))).toBe(
      'signature_invalid',
    )
  })

  it('are refused when they answer another batch', () => {
    const other = '019ab5e6-6c00-7000-8000-0000000b0002'
    expect(reasonOf(() => openReceipt(envelope, PROVINCE_SIGNING_KEY.publicKey, other))).toBe(
      'receipt_invalid',
    )
  })

  it('are refused when not an envelope, not JSON, or not a consistent receipt', () => {
    const key = PROVINCE_SIGNING_KEY.publicKey
    expect(reasonOf(() => openReceipt('{not json', key))).toBe('receipt_invalid')
    expect(reasonOf(() => openReceipt(JSON.stringify({ batchId: BATCH_ID }), key))).toBe(
      'receipt_invalid',
    )
    const notReceipt = signEnvelope(PROVINCE_SIGNING_KEY.privateKey, RECEIPT_PURPOSE, { hello: 1 })
    expect(reasonOf(() => openReceipt(notReceipt, key))).toBe('receipt_invalid')
    const miscounted = signEnvelope(PROVINCE_SIGNING_KEY.privateKey, RECEIPT_PURPOSE, {
      ...receipt,
      accepted: 2,
    })
    expect(reasonOf(() => openReceipt(miscounted, key))).toBe('receipt_invalid')
  })

  it('cannot be sealed when inconsistent', () => {
    expect(
      reasonOf(() => sealReceipt({ ...receipt, rejected: 0 }, PROVINCE_SIGNING_KEY.privateKey)),
    ).toBe('receipt_invalid')
  })
})
