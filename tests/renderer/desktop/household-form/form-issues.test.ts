import { describe, expect, it } from 'vitest'
import {
  describeIssues,
  fieldDomId,
  fieldMessages,
  rowTitleText,
} from '../../../../src/renderer/desktop/household-form/form-issues'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import { validateResponse } from '../../../../src/shared/forms/validate-response'
import { FIXTURE_VISIT_DATE, makeHouseholdResponse } from '../../../support/household-fixtures'
import { catalogT } from '../../support/test-i18n'

const form = defaultHouseholdForm

describe('describeIssues', () => {
  it('places each issue on its question and names the member it belongs to', async () => {
    const t = await catalogT('vi')
    const response = makeHouseholdResponse({
      omit: ['head_name'],
      members: [{}, { full_name: 'Lò Thị Mai', sex: undefined, mobile: '0123' }],
    })
    const { issues } = validateResponse(form, response, { visitDate: FIXTURE_VISIT_DATE })
    const rowTitle = (
      repeat: string,
      row: (typeof response.repeats)[string][number],
      index: number,
    ) =>
      rowTitleText(
        form.sections.find((s) => s.id === repeat),
        row,
        index,
        t,
      )
    const shown = describeIssues(issues, form, response, rowTitle, t, 'vi')
    const mai = response.repeats.members?.[1]?.id

    expect(shown).toContainEqual(
      expect.objectContaining({
        key: 'head_name',
        severity: 'error',
        where: 'Họ tên chủ hộ',
        text: 'Chưa trả lời. Câu này bắt buộc.',
        targetId: 'q-head_name',
      }),
    )
    expect(shown).toContainEqual(
      expect.objectContaining({
        key: `${mai}/sex`,
        rowId: mai,
        where: 'Lò Thị Mai — Giới tính',
        targetId: fieldDomId('sex', mai),
      }),
    )
    expect(shown).toContainEqual(
      expect.objectContaining({ key: `${mai}/mobile`, text: expect.stringContaining('10 chữ số') }),
    )
  })

  it('keeps one error and one warning under each question', () => {
    const messages = fieldMessages([
      {
        key: 'phone',
        severity: 'warning',
        rowId: undefined,
        where: 'x',
        text: 'w1',
        targetId: 'q-phone',
      },
      {
        key: 'phone',
        severity: 'error',
        rowId: undefined,
        where: 'x',
        text: 'e1',
        targetId: 'q-phone',
      },
      {
        key: 'phone',
        severity: 'error',
        rowId: undefined,
        where: 'x',
        text: 'e2',
        targetId: 'q-phone',
      },
    ])
    expect(messages.get('phone')).toEqual({ error: 'e1', warning: 'w1' })
  })
})

describe('rowTitleText', () => {
  it("is the member's name, or a numbered placeholder before it is typed", async () => {
    const t = await catalogT('vi')
    const members = form.sections.find((s) => s.kind === 'repeat')
    expect(rowTitleText(members, { id: 'r', answers: { full_name: 'Lò Thị Mai' } }, 0, t)).toBe(
      'Lò Thị Mai',
    )
    expect(rowTitleText(members, { id: 'r', answers: { full_name: '  ' } }, 1, t)).toBe(
      'Thành viên 2',
    )
  })
})
