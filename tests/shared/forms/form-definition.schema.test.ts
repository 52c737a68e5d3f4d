import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import {
  flattenQuestions,
  formDefinitionSchema,
} from '../../../src/shared/forms/form-definition.schema'

const minimal = (items: unknown[]) => ({
  id: 'test-form',
  version: 1,
  title: { vi: 'Thử', en: 'Test' },
  settings: {},
  sections: [{ kind: 'fields', id: 'main', label: { vi: 'Chính', en: 'Main' }, items }],
})
const textQ = (id: string, extra: object = {}) => ({
  kind: 'question',
  id,
  type: 'text',
  label: { vi: id, en: id },
  ...extra,
})

describe('formDefinitionSchema', () => {
  it('accepts the built-in household form with every question of household-form.md', () => {
    const parsed = formDefinitionSchema.parse(JSON.parse(JSON.stringify(defaultHouseholdForm)))
    const household = flattenQuestions(parsed.sections[0]?.items ?? []).map((q) => q.id)
    const members = flattenQuestions(parsed.sections[1]?.items ?? []).map((q) => q.id)
    expect(household).toEqual([
      'village',
      'address',
      'head_name',
      'visit_result',
      'consent',
      'phone',
      'h_internet',
      'h_no_fibre_reason',
      'h_mobile_signal',
      'h_business',
      'h_ecommerce',
      'h_qr_payment',
      'h_support_needs',
      'notes',
    ])
    expect(members).toHaveLength(19)
    expect(parsed.settings.adultAge).toBe(15)
  })

  it('defaults settings and required', () => {
    const parsed = formDefinitionSchema.parse(minimal([textQ('a')]))
    expect(parsed.settings.adultAge).toBe(15)
    expect(flattenQuestions(parsed.sections[0]?.items ?? [])[0]?.required).toBe(false)
  })

  it('rejects duplicate ids', () => {
    const result = formDefinitionSchema.safeParse(minimal([textQ('a'), textQ('a')]))
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).toContain('duplicate id')
  })

  it('rejects rules that refer to unknown questions', () => {
    const rule = { op: 'eq', args: [{ ref: 'ghost' }, { lit: 1 }] }
    const result = formDefinitionSchema.safeParse(minimal([textQ('a', { relevant: rule })]))
    expect(result.error?.issues.map((i) => i.message)).toContain(
      'rule of "a" refers to unknown question "ghost"',
    )
  })

  it('rejects select questions without choices and deeply nested rules', () => {
    const select = { ...textQ('s'), type: 'select_one' }
    expect(formDefinitionSchema.safeParse(minimal([select])).success).toBe(false)
    let deep: object = { lit: true }
    for (let i = 0; i < 40; i++) deep = { op: 'not', args: [deep] }
    expect(formDefinitionSchema.safeParse(minimal([textQ('a', { relevant: deep })])).success).toBe(
      false,
    )
  })

  it('rejects unknown keys (no smuggled code)', () => {
    expect(
      formDefinitionSchema.safeParse(minimal([textQ('a', { calculate: 'x()' })])).success,
    ).toBe(false)
  })
})
