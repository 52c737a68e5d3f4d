import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm as form } from '../../../src/shared/forms/default-household-form'
import type { Answers, FormResponse } from '../../../src/shared/forms/form-response.schema'
import { validateResponse } from '../../../src/shared/forms/validate-response'

const ctx = { visitDate: '2026-11-25', villages: ['00700-01', '00700-02'] }
const ROW_A = '0190e6b2-c3d4-7a9b-8c0d-000000000001'
const ROW_B = '0190e6b2-c3d4-7a9b-8c0d-000000000002'

const adult: Answers = {
  full_name: 'Nguyễn Văn An',
  relation: 'head',
  sex: 'male',
  birth_year: 1980,
  residence: 'permanent',
  m_phone: 'smartphone',
  m_internet_3m: true,
  m_vneid: 'level2',
  m_public_service_12m: 'self',
  m_payment_accounts: ['bank'],
  m_cashless_30d: true,
  m_digital_signature: 'no',
  m_ehealth: 'yes',
  m_binh_dan_hoc_vu_so: false,
}

function completed(members: Answers[] = [adult], extra: Answers = {}): FormResponse {
  return {
    answers: {
      village: '00700-01',
      head_name: 'Nguyễn Văn An',
      visit_result: 'completed',
      consent: true,
      h_internet: 'fibre',
      h_mobile_signal: 'good',
      h_business: false,
      ...extra,
    },
    repeats: { members: members.map((answers, i) => ({ id: i ? ROW_B : ROW_A, answers })) },
  }
}

const codes = (r: ReturnType<typeof validateResponse>) =>
  r.issues.map(
    (i) =>
      `${i.severity}:${i.code}:${i.questionId}${i.rowIndex !== undefined ? `#${i.rowIndex}` : ''}`,
  )

describe('validateResponse', () => {
  it('accepts a complete household', () => {
    const result = validateResponse(form, completed(), ctx)
    expect(codes(result)).toEqual([])
    expect(result.response.repeats.members?.[0]?.answers.m_vneid).toBe('level2')
  })

  it('blocks missing required answers, in the household and in rows', () => {
    const result = validateResponse(
      form,
      completed([{ ...adult, full_name: '  ' }], { head_name: '' }),
      ctx,
    )
    expect(codes(result)).toEqual(['error:required:head_name', 'error:required:full_name#0'])
    expect(result.errors).toBe(2)
  })

  it('keeps only the visit result without consent', () => {
    const response = completed([adult], { consent: false, phone: '0912345678', notes: 'x' })
    const result = validateResponse(form, response, ctx)
    expect(result.errors).toBe(0)
    expect(result.response.answers).toEqual({
      village: '00700-01',
      head_name: 'Nguyễn Văn An',
      visit_result: 'completed',
      consent: false,
    })
    expect(result.response.repeats).toEqual({})
  })

  it('does not ask for consent or details when nobody is at home', () => {
    const response: FormResponse = {
      answers: {
        village: '00700-02',
        head_name: 'Lò Thị Mai',
        visit_result: 'absent',
        consent: true,
        h_internet: 'none',
      },
      repeats: {},
    }
    const result = validateResponse(form, response, ctx)
    expect(result.errors).toBe(0)
    expect(result.response.answers).toEqual({
      village: '00700-02',
      head_name: 'Lò Thị Mai',
      visit_result: 'absent',
    })
  })

  it('asks why there is no fibre only when there is none', () => {
    const withFibre = validateResponse(
      form,
      completed([adult], { h_no_fibre_reason: ['cost'] }),
      ctx,
    )
    expect(withFibre.response.answers.h_no_fibre_reason).toBeUndefined()
    const without = validateResponse(
      form,
      completed([adult], { h_internet: 'none', h_no_fibre_reason: ['cost'] }),
      ctx,
    )
    expect(without.response.answers.h_no_fibre_reason).toEqual(['cost'])
  })

  it('skips digital questions for children under 10 and requires them from 10', () => {
    const child: Answers = {
      full_name: 'Bé Na',
      relation: 'child',
      sex: 'female',
      birth_year: 2020,
      residence: 'permanent',
    }
    expect(codes(validateResponse(form, completed([adult, child]), ctx))).toEqual([])
    const older = { ...child, birth_year: 2014 }
    expect(codes(validateResponse(form, completed([adult, older]), ctx))).toContain(
      'error:required:m_phone#1',
    )
  })

  it('checks constraints, ranges and choices', () => {
    const future = validateResponse(form, completed([{ ...adult, birth_year: 2030 }]), ctx)
    expect(codes(future)).toContain('error:constraint:birth_year#0')
    const old = validateResponse(form, completed([{ ...adult, birth_year: 1850 }]), ctx)
    expect(codes(old)).toContain('error:out_of_range:birth_year#0')
    const bad = validateResponse(form, completed([adult], { h_internet: 'satellite' }), ctx)
    expect(codes(bad)).toContain('error:choice_unknown:h_internet')
    const village = validateResponse(form, completed([adult], { village: '99999-01' }), ctx)
    expect(codes(village)).toContain('error:choice_unknown:village')
  })

  it('rejects "none" together with an account', () => {
    const result = validateResponse(
      form,
      completed([{ ...adult, m_payment_accounts: ['none', 'bank'] }]),
      ctx,
    )
    expect(codes(result)).toContain('error:choice_exclusive:m_payment_accounts#0')
  })

  it('rejects answers of the wrong type', () => {
    const result = validateResponse(
      form,
      completed([{ ...adult, birth_year: '1980' }], { consent: 'yes' }),
      ctx,
    )
    expect(codes(result)).toContain('error:type:consent')
  })

  it('normalises phones and warns about unusual prefixes', () => {
    const ok = validateResponse(
      form,
      completed([{ ...adult, mobile: '+84 912 345 678' }], { phone: '0212 345 678' }),
      ctx,
    )
    expect(ok.response.repeats.members?.[0]?.answers.mobile).toBe('0912345678')
    expect(codes(ok)).toEqual(['warning:phone_unknown_prefix:phone'])
    const bad = validateResponse(form, completed([{ ...adult, mobile: '12345' }]), ctx)
    expect(codes(bad)).toEqual(['error:phone_format:mobile#0'])
  })

  it('warns when the citizen id disagrees with sex or birth year', () => {
    const matching = validateResponse(
      form,
      completed([{ ...adult, citizen_id: '008080012345' }]),
      ctx,
    )
    expect(codes(matching)).toEqual([])
    const mismatch = validateResponse(
      form,
      completed([{ ...adult, citizen_id: '008195012345' }]),
      ctx,
    )
    expect(codes(mismatch)).toEqual([
      'warning:citizen_id_sex_mismatch:citizen_id#0',
      'warning:citizen_id_birth_year_mismatch:citizen_id#0',
    ])
    expect(mismatch.errors).toBe(0)
    expect(mismatch.response.repeats.members?.[0]?.answers.citizen_id).toBe('008195012345')
    const unknownProvince = validateResponse(
      form,
      completed([{ ...adult, citizen_id: '003080012345' }]),
      ctx,
    )
    expect(codes(unknownProvince)).toEqual(['warning:citizen_id_unknown_province:citizen_id#0'])
    const short = validateResponse(form, completed([{ ...adult, citizen_id: '0080800123' }]), ctx)
    expect(codes(short)).toEqual(['error:citizen_id_format:citizen_id#0'])
  })

  it('rejects duplicate member ids and drops unknown answers', () => {
    const response = completed([adult, adult], { secret: 'x' })
    const rows = response.repeats.members ?? []
    response.repeats.members = rows.map((r) => ({ ...r, id: ROW_A }))
    const result = validateResponse(form, response, ctx)
    expect(codes(result)).toContain('error:type:members#1')
    expect(result.response.answers.secret).toBeUndefined()
  })
})
