import { describe, expect, it } from 'vitest'
import {
  auditActionKey,
  auditActionLabel,
  auditActorLabel,
  auditDetailsText,
  auditTargetLabel,
} from '../../../../src/renderer/console/audit/audit-labels'
import type { AuditEntry } from '../../../../src/shared/api/http.contract'
import { catalogT } from '../../support/test-i18n'

const ENTRY: AuditEntry = {
  id: '019ab5e6-6c00-7000-8000-000000000001',
  at: '2025-11-24T02:00:00.000Z',
  actorKind: 'user',
  actorId: 'u1',
  actorName: 'quantri.tinh',
  action: 'device.enrolment_code.create',
  targetType: 'enrolment_code',
  targetId: '019ab5e6-6c00-7000-8000-0000000abcde',
  communeCode: '00700',
  details: { validHours: 72, kind: 'code' },
  ip: '127.0.0.1',
}

describe('audit log labels', () => {
  it('names every action the server records, falling back to the code', async () => {
    const t = await catalogT('vi')
    expect(auditActionKey('device.enrolment_code.create')).toBe('device_enrolment_code_create')
    expect(auditActionLabel('device.enrolment_code.create', t)).toBe('Tạo mã đăng ký máy')
    expect(auditActionLabel('places.villages_imported', t)).toBe('Nhập thôn từ tệp')
    expect(auditActionLabel('sync.something_new', t)).toBe('sync.something_new')
  })

  it('says who and what in words', async () => {
    const t = await catalogT('vi')
    expect(auditActorLabel(ENTRY, t)).toBe('quantri.tinh')
    expect(auditActorLabel({ ...ENTRY, actorName: null, actorKind: 'cli' }, t)).toBe(
      'Dòng lệnh máy chủ',
    )
    expect(auditTargetLabel(ENTRY, t)).toBe('Mã đăng ký …0abcde')
    expect(auditTargetLabel({ ...ENTRY, targetType: 'village', targetId: '00700-03' }, t)).toBe(
      'Thôn 00700-03',
    )
    expect(auditDetailsText(ENTRY.details)).toBe('validHours: 72 · kind: code')
  })
})
