import { describe, expect, it } from 'vitest'
import { issueMessage } from '../../../../src/renderer/common/forms/issue.messages'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import type { Question } from '../../../../src/shared/forms/form-definition.schema'
import type { ValidationIssue } from '../../../../src/shared/forms/validation-issue'
import { catalogT } from '../../support/test-i18n'

const yearQuestion: Question = {
  kind: 'question',
  id: 'birth_year',
  type: 'integer',
  label: { vi: 'Năm sinh', en: 'Year of birth' },
  required: true,
  constraint: { op: 'le', args: [{ ref: '.' }, { ctx: 'visit_year' }] },
  constraintMessage: {
    vi: 'Năm sinh không được sau năm khảo sát.',
    en: 'Cannot be after the visit year.',
  },
}

const issue = (
  code: ValidationIssue['code'],
  params?: ValidationIssue['params'],
): ValidationIssue => ({
  severity: 'error',
  code,
  questionId: 'birth_year',
  ...(params ? { params } : {}),
})

describe('issueMessage', () => {
  it('translates the code and fills its values', async () => {
    const t = await catalogT('vi')
    expect(issueMessage(issue('required'), yearQuestion, t, 'vi')).toBe(
      'Chưa trả lời. Câu này bắt buộc.',
    )
    expect(
      issueMessage(issue('out_of_range', { min: 1900, max: 2025 }), yearQuestion, t, 'vi'),
    ).toBe('Phải từ 1900 đến 2025.')
  })

  it("uses the form's own message for a failed constraint", async () => {
    const t = await catalogT('en')
    expect(issueMessage(issue('constraint'), yearQuestion, t, 'en')).toBe(
      'Cannot be after the visit year.',
    )
  })

  it('falls back to the catalog when the form gives no constraint message', async () => {
    const t = await catalogT('vi')
    const bare: Question = { ...yearQuestion, constraintMessage: undefined }
    expect(issueMessage(issue('constraint'), bare, t, 'vi')).toBe(
      'Câu trả lời chưa hợp lệ. Hãy kiểm tra lại.',
    )
  })

  it("says a roster rule's own message (exactly one head), in the reader's language", async () => {
    const roster = defaultHouseholdForm.sections.find((s) => s.id === 'members')
    const noHead: ValidationIssue = {
      severity: 'error',
      code: 'repeat_row_count',
      questionId: 'members',
      params: { rule: 'one_head', count: 0, min: 1, max: 1 },
    }
    expect(issueMessage(noHead, undefined, await catalogT('vi'), 'vi', roster)).toBe(
      'Danh sách thành viên phải có đúng một chủ hộ.',
    )
    expect(issueMessage(noHead, undefined, await catalogT('en'), 'en', roster)).toBe(
      'The member list must have exactly one household head.',
    )
    // A rule the form does not have (another form version) still says something useful.
    const unknown = { ...noHead, params: { rule: 'other_rule', count: 2 } }
    expect(issueMessage(unknown, undefined, await catalogT('vi'), 'vi', roster)).toBe(
      'Danh sách thành viên chưa đúng quy định: 2 người thoả điều kiện.',
    )
  })
})
