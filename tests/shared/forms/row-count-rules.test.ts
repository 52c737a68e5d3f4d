import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm as form } from '../../../src/shared/forms/default-household-form'
import { formDefinitionSchema } from '../../../src/shared/forms/form-definition.schema'
import type { Answers, FormResponse } from '../../../src/shared/forms/form-response.schema'
import { validateResponse } from '../../../src/shared/forms/validate-response'

const ctx = { visitDate: '2025-11-24', villages: ['00700-01'] }

const member = (relation: string, n: number): { id: string; answers: Answers } => ({
  id: `0190e6b2-c3d4-7a9b-8c0d-00000000000${n}`,
  answers: {
    full_name: `Nguyễn Văn ${n}`,
    relation,
    sex: 'male',
    birth_year: 2020,
    residence: 'permanent',
  },
})

function household(relations: string[], answers: Answers = {}): FormResponse {
  return {
    answers: {
      village: '00700-01',
      head_name: 'Nguyễn Văn 1',
      visit_result: 'completed',
      consent: true,
      h_internet: 'fibre',
      h_mobile_signal: 'good',
      h_business: false,
      ...answers,
    },
    repeats: { members: relations.map((r, i) => member(r, i + 1)) },
  }
}

const rowCountIssues = (response: FormResponse) =>
  validateResponse(form, response, ctx).issues.filter((i) => i.code === 'repeat_row_count')

describe('row-count rules: the roster of a consenting household has exactly one head', () => {
  it('accepts exactly one head', () => {
    expect(rowCountIssues(household(['head', 'spouse', 'child']))).toEqual([])
  })

  it('blocks a roster with no head, naming the rule and the count', () => {
    expect(rowCountIssues(household(['spouse', 'child']))).toEqual([
      {
        severity: 'error',
        code: 'repeat_row_count',
        questionId: 'members',
        params: { rule: 'one_head', count: 0, min: 1, max: 1 },
      },
    ])
    expect(rowCountIssues(household([]))).toHaveLength(1)
  })

  it('blocks two heads', () => {
    expect(rowCountIssues(household(['head', 'head']))[0]?.params).toMatchObject({ count: 2 })
  })

  it('does not apply when the roster is not asked (absent, refused, no consent)', () => {
    expect(rowCountIssues(household([], { visit_result: 'absent' }))).toEqual([])
    expect(rowCountIssues(household([], { visit_result: 'refused' }))).toEqual([])
    expect(rowCountIssues(household([], { consent: false }))).toEqual([])
  })

  it('is checked by the form schema: a rule must read questions the repeat can see', () => {
    const members = form.sections.find((s) => s.id === 'members')
    expect(members?.rowCounts?.[0]?.message.vi).toContain('chủ hộ')
    const broken = {
      ...form,
      sections: form.sections.map((s) =>
        s.id === 'members'
          ? {
              ...s,
              rowCounts: [
                { id: 'x', where: { ref: 'nope' }, min: 1, message: { vi: 'x', en: 'x' } },
              ],
            }
          : s,
      ),
    }
    const parsed = formDefinitionSchema.safeParse(broken)
    expect(parsed.success).toBe(false)
    expect(JSON.stringify(parsed.error?.issues)).toContain('unknown question')
  })
})
