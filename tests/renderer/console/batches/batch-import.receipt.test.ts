import { describe, expect, it } from 'vitest'
import { receiptFileName } from '../../../../src/renderer/console/batches/batch-import.receipt'

const result = (receivedAt: string) => ({
  manifest: {
    batchId: '01a212b0-5d9f-76c8-bfd2-4b3b3300a2f2',
    deviceId: '01a212b0-0000-7000-8000-000000472449',
    communeCode: '00700',
    createdAt: '2025-11-24T16:00:00.000Z',
    revisions: 1,
    households: 1,
    members: 2,
    forms: [],
  },
  receipt: {
    batchId: '01a212b0-5d9f-76c8-bfd2-4b3b3300a2f2',
    receivedAt,
    accepted: 1,
    duplicate: 0,
    rejected: 0,
    outcomes: [],
  },
})

describe('receiptFileName', () => {
  it('names the receipt by commune, Vietnam day of receipt and the batch id’s end', () => {
    expect(receiptFileName(result('2025-11-25T03:00:00.000Z'))).toBe(
      'bien-nhan-00700-20251125-3300a2f2.langso-receipt',
    )
  })

  it('counts the day in Vietnam time: 17:30 UTC is already the next day', () => {
    expect(receiptFileName(result('2025-11-24T17:30:00.000Z'))).toBe(
      'bien-nhan-00700-20251125-3300a2f2.langso-receipt',
    )
  })
})
