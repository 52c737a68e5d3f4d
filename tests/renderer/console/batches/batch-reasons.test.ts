import { describe, expect, it } from 'vitest'
import {
  BATCH_REFUSAL_CODES,
  batchRefusalText,
  refusalOverrides,
  rejectReasonText,
} from '../../../../src/renderer/console/batches/batch-reasons'
import { BATCH_ERROR_REASONS } from '../../../../src/shared/sync/batch-error'
import { catalogT } from '../../support/test-i18n'

describe('why a batch or a record was refused', () => {
  it('has its own words for every reason the server refuses a batch with', async () => {
    // Every codec reason that can refuse a batch (receipt_invalid concerns receipts only).
    const codec = BATCH_ERROR_REASONS.filter((reason) => reason !== 'receipt_invalid')
    for (const code of codec) expect(BATCH_REFUSAL_CODES).toContain(code)
    for (const locale of ['vi', 'en'] as const) {
      const t = await catalogT(locale)
      const texts = BATCH_REFUSAL_CODES.map((code) => batchRefusalText(code, t))
      for (const text of texts) {
        expect(text).not.toMatch(/console\.|\{\{|mã lỗi|error code/)
      }
      // Each reason is worded apart: a reader can tell a tampered file from a revoked laptop.
      expect(new Set(texts).size).toBe(texts.length)
    }
  })

  it('says in Vietnamese that a changed file must be exported again', async () => {
    const t = await catalogT('vi')
    expect(batchRefusalText('signature_invalid', t)).toContain('tệp đã bị thay đổi')
    expect(refusalOverrides(t).device_revoked).toContain('đã bị thu hồi')
  })

  it('still explains an unknown code, showing it for support', async () => {
    const t = await catalogT('vi')
    expect(batchRefusalText('brand_new_reason', t)).toContain('brand_new_reason')
    expect(rejectReasonText('validation_failed', t)).toBe('Không qua kiểm tra của mẫu phiếu')
    expect(rejectReasonText('other', t)).toContain('other')
  })
})
