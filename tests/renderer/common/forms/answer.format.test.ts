import { describe, expect, it } from 'vitest'
import { choiceLabel, formatAnswer } from '../../../../src/renderer/common/forms/answer.format'
import { questionChoices } from '../../../../src/renderer/common/forms/form-text'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import {
  flattenQuestions,
  type Question,
} from '../../../../src/shared/forms/form-definition.schema'
import { PILOT_COMMUNE } from '../../../../src/shared/places/pilot-places'

const questions = new Map(
  defaultHouseholdForm.sections.flatMap((s) => flattenQuestions(s.items)).map((q) => [q.id, q]),
)
const q = (id: string): Question => {
  const found = questions.get(id)
  if (!found) throw new Error(`no question ${id}`)
  return found
}
const words = { yes: 'Có', no: 'Không', empty: '—' }

describe('formatAnswer', () => {
  it('shows choice labels instead of codes, in the reader language', () => {
    expect(formatAnswer(q('visit_result'), 'completed', 'vi', words)).toBe('Hoàn thành')
    expect(formatAnswer(q('visit_result'), 'completed', 'en', words)).toBe('Completed')
  })

  it('joins the labels of a multiple choice', () => {
    expect(formatAnswer(q('m_payment_accounts'), ['bank', 'ewallet'], 'vi', words)).toBe(
      'Tài khoản ngân hàng, Ví điện tử',
    )
  })

  it('says Có / Không for yes-no answers and a dash when unanswered', () => {
    expect(formatAnswer(q('consent'), true, 'vi', words)).toBe('Có')
    expect(formatAnswer(q('consent'), false, 'vi', words)).toBe('Không')
    expect(formatAnswer(q('consent'), undefined, 'vi', words)).toBe('—')
    expect(formatAnswer(q('m_skills'), [], 'vi', words)).toBe('—')
  })

  it('never puts a thousands separator in a year', () => {
    expect(formatAnswer(q('birth_year'), 1985, 'vi', words)).toBe('1985')
  })

  it('names villages from reference data', () => {
    const village = PILOT_COMMUNE.villages[1]
    if (!village) throw new Error('pilot commune has villages')
    const choices = questionChoices(q('village'), PILOT_COMMUNE.villages)
    expect(formatAnswer(q('village'), village.code, 'vi', words, choices)).toBe(village.name)
  })

  it('shows an unknown choice code as it is rather than hiding the answer', () => {
    expect(choiceLabel(q('visit_result').choices ?? [], 'emigrated', 'vi')).toBe('emigrated')
  })
})
