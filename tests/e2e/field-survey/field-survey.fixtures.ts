import type { KeyStep } from '../support/household-form.page'

/** What the suite records, by name, so each test can find what an earlier one left. */
export const HEAD = 'Nguyễn Văn Hùng'
export const SPOUSE = 'Lò Thị Mai'
export const CHILD = 'Nguyễn Minh Đức'
export const ADDRESS = 'Số 12, xóm Khuổi My'
export const PHONE = '0912 345 678'

/** The household questions of a completed, consenting visit, by keyboard. */
export const HOUSEHOLD_KEYS: KeyStep[] = [
  ['address', { type: ADDRESS }],
  ['head_name', { type: HEAD }],
  ['visit_result', { press: ['1'] }], // Hoàn thành
  ['consent', { press: ['c'] }], // Có
  ['phone', { type: PHONE }],
  ['h_internet', { press: ['2'] }], // Loại khác -> the fibre reason is asked
  ['h_no_fibre_reason', { press: ['1', '2'] }], // Chưa có hạ tầng, Chi phí cao
  ['h_mobile_signal', { press: ['1'] }],
  ['h_business', { press: ['k'] }], // Không -> e-commerce and QR are not asked
  ['h_support_needs', { press: ['1'] }],
  ['notes', null],
]

/** An adult's digital questions, by keyboard (after the residence question). */
export function adultDigitalKeys(vneid: string): KeyStep[] {
  return [
    ['m_phone', { press: ['1'] }], // Điện thoại thông minh -> no "why not" question
    ['m_internet_3m', { press: ['c'] }],
    ['m_vneid', { press: [vneid] }],
    ['m_public_service_12m', { press: ['1'] }],
    ['m_payment_accounts', { press: ['1'] }],
    ['m_cashless_30d', { press: ['c'] }],
    ['m_digital_signature', { press: ['2'] }],
    ['m_ehealth', { press: ['1'] }],
    ['m_skills', { press: ['1', '2', '3', '4'] }],
    ['m_binh_dan_hoc_vu_so', { press: ['c'] }],
    ['m_support_given', { press: ['1'] }],
  ]
}

/** A member's own questions up to residence; `name` null when the name is preset (the head). */
export function memberKeys(
  name: string | null,
  relation: string | null,
  sex: string,
  birthYear: string,
): KeyStep[] {
  return [
    ['full_name', name === null ? null : { type: name }],
    ['relation', relation === null ? null : { press: [relation] }],
    ['sex', { press: [sex] }],
    ['birth_year', { type: birthYear }],
    ['citizen_id', null],
    ['mobile', null],
    ['residence', { press: ['1'] }],
  ]
}
