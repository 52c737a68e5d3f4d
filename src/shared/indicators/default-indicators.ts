import type { Expr } from '../forms/expression.schema'
import { eq, text as t } from '../forms/form-builders'
import { type IndicatorDefinition, indicatorSchema } from './indicator-definition.schema'

const inAny = (id: string, ...values: string[]): Expr => ({
  op: 'in',
  args: [{ ref: id }, ...values.map((lit) => ({ lit }))],
})

/**
 * The indicators of shared/domain/household-form.md, with the national 2025 targets of
 * Decision 411/QĐ-TTg where one is set. Ids are stable: dashboards and exports use them.
 */
export const defaultIndicators: readonly IndicatorDefinition[] = [
  {
    kind: 'ratio',
    id: 'coverage',
    label: t('Hộ đã khảo sát', 'Households surveyed'),
    population: 'surveyed',
  },
  {
    kind: 'ratio',
    id: 'smartphone_adults',
    label: t('Người trưởng thành có điện thoại thông minh', 'Adults with a smartphone'),
    population: 'adults',
    numerator: eq('m_phone', 'smartphone'),
    target: 0.8,
  },
  {
    kind: 'ratio',
    id: 'fibre_households',
    label: t('Hộ có Internet cáp quang', 'Households with fibre broadband'),
    population: 'households',
    numerator: eq('h_internet', 'fibre'),
    target: 0.8,
  },
  {
    kind: 'ratio',
    id: 'payment_account_adults',
    label: t('Người trưởng thành có tài khoản thanh toán', 'Adults with a payment account'),
    population: 'adults',
    numerator: {
      op: 'and',
      args: [
        { op: 'answered', args: [{ ref: 'm_payment_accounts' }] },
        {
          op: 'not',
          args: [{ op: 'has', args: [{ ref: 'm_payment_accounts' }, { lit: 'none' }] }],
        },
      ],
    },
    target: 0.8,
  },
  {
    kind: 'ratio',
    id: 'vneid_level2',
    label: t('Người trưởng thành có VNeID mức 2', 'Adults with VNeID level 2'),
    population: 'adults',
    numerator: eq('m_vneid', 'level2'),
  },
  {
    kind: 'ratio',
    id: 'vneid_any',
    label: t('Người trưởng thành có VNeID (mức 1 hoặc 2)', 'Adults with VNeID (level 1 or 2)'),
    population: 'adults',
    numerator: inAny('m_vneid', 'level1', 'level2'),
  },
  {
    kind: 'ratio',
    id: 'online_public_service_adults',
    label: t(
      'Người trưởng thành dùng dịch vụ công trực tuyến trong 12 tháng',
      'Adults who used online public services in 12 months',
    ),
    population: 'adults',
    numerator: inAny('m_public_service_12m', 'self', 'assisted'),
  },
  {
    kind: 'ratio',
    id: 'digital_signature_adults',
    label: t('Người trưởng thành có chữ ký số cá nhân', 'Adults with a personal digital signature'),
    population: 'adults',
    numerator: eq('m_digital_signature', 'yes'),
    target: 0.5,
  },
  {
    kind: 'ratio',
    id: 'basic_skills_adults',
    label: t('Người trưởng thành có kỹ năng số cơ bản', 'Adults with basic digital skills'),
    population: 'adults',
    numerator: { op: 'ge', args: [{ op: 'count', args: [{ ref: 'm_skills' }] }, { lit: 4 }] },
    target: 0.7,
  },
  {
    kind: 'ratio',
    id: 'ehealth_members',
    label: t('Người dân có hồ sơ sức khỏe điện tử', 'Members with an electronic health record'),
    population: 'members',
    numerator: eq('m_ehealth', 'yes'),
    target: 0.9,
  },
  {
    kind: 'ratio',
    id: 'cashless_adults',
    label: t(
      'Người trưởng thành thanh toán không dùng tiền mặt trong 30 ngày',
      'Adults who paid cashless in 30 days',
    ),
    population: 'adults',
    numerator: eq('m_cashless_30d', true),
  },
  {
    kind: 'tally',
    id: 'support_given',
    label: t('Hỗ trợ tổ đã thực hiện', 'Help given by the team'),
    question: 'm_support_given',
  },
].map((indicator) => indicatorSchema.parse(indicator))
