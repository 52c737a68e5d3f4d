import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import {
  type FormDefinition,
  formDefinitionSchema,
  type Group,
  type Item,
  type Question,
} from '../../../src/shared/forms/form-definition.schema'
import { diffForms, formatExpr, outsideCommonOrder } from '../../../src/shared/forms/form-diff'

/** Version 2 of the default form with `change` applied, checked by the schema. */
function nextVersion(change: (form: FormDefinition) => void): FormDefinition {
  const form = structuredClone(defaultHouseholdForm)
  form.version = 2
  change(form)
  return formDefinitionSchema.parse(form)
}

function itemsHolding(form: FormDefinition, id: string): Item[] {
  const search = (items: Item[]): Item[] | undefined => {
    if (items.some((i) => i.id === id)) return items
    for (const item of items) {
      const found = item.kind === 'group' ? search(item.items) : undefined
      if (found) return found
    }
    return undefined
  }
  for (const section of form.sections) {
    const found = search(section.items)
    if (found) return found
  }
  throw new Error(`no item ${id}`)
}

function question(form: FormDefinition, id: string): Question {
  const item = itemsHolding(form, id).find((i) => i.id === id)
  if (item?.kind !== 'question') throw new Error(`${id} is not a question`)
  return item
}

function group(form: FormDefinition, id: string): Group {
  const item = itemsHolding(form, id).find((i) => i.id === id)
  if (item?.kind !== 'group') throw new Error(`${id} is not a group`)
  return item
}

describe('diffForms', () => {
  it('finds nothing between a form and itself', () => {
    expect(diffForms(defaultHouseholdForm, structuredClone(defaultHouseholdForm))).toEqual([])
  })

  it('reports added and removed questions with their place and both languages', () => {
    const after = nextVersion((form) => {
      const details = group(form, 'household_details')
      details.items.splice(2, 0, {
        kind: 'question',
        id: 'h_fibre_speed',
        type: 'select_one',
        label: { vi: 'Tốc độ cáp quang', en: 'Fibre speed' },
        required: false,
        relevant: { op: 'eq', args: [{ ref: 'h_internet' }, { lit: 'fibre' }] },
        choices: [{ value: 'slow', label: { vi: 'Chậm', en: 'Slow' } }],
      })
      details.items = details.items.filter((i) => i.id !== 'notes')
    })
    const changes = diffForms(defaultHouseholdForm, after)
    expect(changes).toEqual([
      {
        change: 'removed',
        target: 'question',
        id: 'notes',
        label: { vi: 'Ghi chú', en: 'Notes' },
        parent: 'household_details',
        text: {
          vi: 'Bỏ câu hỏi "notes" (Ghi chú) khỏi "household_details"',
          en: 'Removed question "notes" (Notes) from "household_details"',
        },
      },
      {
        change: 'added',
        target: 'question',
        id: 'h_fibre_speed',
        label: { vi: 'Tốc độ cáp quang', en: 'Fibre speed' },
        parent: 'household_details',
        text: {
          vi: 'Thêm câu hỏi "h_fibre_speed" (Tốc độ cáp quang) vào "household_details"',
          en: 'Added question "h_fibre_speed" (Fibre speed) to "household_details"',
        },
      },
    ])
  })

  it('reports label, required, relevant, constraint and type changes with old and new values', () => {
    const after = nextVersion((form) => {
      question(form, 'head_name').label = { vi: 'Họ và tên chủ hộ', en: 'Head of household' }
      question(form, 'address').required = true
      question(form, 'h_ecommerce').relevant = {
        op: 'and',
        args: [
          { op: 'eq', args: [{ ref: 'h_business' }, { lit: true }] },
          { op: 'answered', args: [{ ref: 'phone' }] },
        ],
      }
      question(form, 'birth_year').constraint = {
        op: 'and',
        args: [
          { op: 'ge', args: [{ ref: '.' }, { lit: 1900 }] },
          { op: 'le', args: [{ ref: '.' }, { ctx: 'visit_year' }] },
        ],
      }
      const notes = question(form, 'notes')
      notes.type = 'phone'
    })
    const changes = diffForms(defaultHouseholdForm, after)
    const byId = (id: string, property: string) =>
      changes.find((c) => c.id === id && c.property === property)

    expect(changes).toHaveLength(5)
    expect(byId('head_name', 'label')).toMatchObject({
      change: 'changed',
      target: 'question',
      before: 'Họ tên chủ hộ',
      after: 'Họ và tên chủ hộ',
      text: {
        vi: 'Câu hỏi "head_name": nhãn đổi từ "Họ tên chủ hộ" thành "Họ và tên chủ hộ"',
        en: 'Question "head_name": label changed from "Household head" to "Head of household"',
      },
    })
    expect(byId('address', 'required')).toMatchObject({
      before: 'không',
      after: 'có',
      text: { en: 'Question "address": required changed from "no" to "yes"' },
    })
    expect(byId('h_ecommerce', 'relevant')).toMatchObject({
      before: `\${h_business} = true()`,
      after: `\${h_business} = true() and \${phone} != ''`,
    })
    expect(byId('birth_year', 'constraint')?.after).toBe('. >= 1900 and . <= visit-year()')
    expect(byId('notes', 'type')).toMatchObject({ before: 'text', after: 'phone' })
  })

  it('reports choices added, removed, relabelled and reordered', () => {
    const after = nextVersion((form) => {
      const internet = question(form, 'h_internet')
      const kept = (value: string) => (internet.choices ?? []).filter((c) => c.value === value)
      internet.choices = [
        ...kept('none'),
        ...kept('fibre'),
        { value: 'other', label: { vi: 'Loại khác (ADSL, vệ tinh)', en: 'Other' } },
        { value: 'satellite', label: { vi: 'Vệ tinh', en: 'Satellite' } },
      ]
    })
    const changes = diffForms(defaultHouseholdForm, after)
    expect(changes.map((c) => [c.change, c.target, c.id, c.choice, c.property ?? null])).toEqual([
      ['removed', 'choice', 'h_internet', 'unknown', null],
      ['moved', 'choice', 'h_internet', 'none', 'position'],
      ['changed', 'choice', 'h_internet', 'other', 'label'],
      ['added', 'choice', 'h_internet', 'satellite', null],
    ])
    expect(changes[3]?.text).toEqual({
      vi: 'Thêm lựa chọn "satellite" (Vệ tinh) của câu hỏi "h_internet"',
      en: 'Added choice "satellite" (Satellite) of question "h_internet"',
    })
    expect(changes[2]?.text.vi).toBe(
      'Lựa chọn "other" của câu hỏi "h_internet": nhãn đổi từ "Loại khác" thành "Loại khác (ADSL, vệ tinh)"',
    )
  })

  it('reports questions moved to another group and reordered within one', () => {
    const after = nextVersion((form) => {
      const details = group(form, 'household_details')
      const phone = details.items.find((i) => i.id === 'phone')
      details.items = details.items.filter((i) => i.id !== 'phone')
      const household = form.sections[0]
      if (!household || !phone) throw new Error('fixture')
      household.items.splice(3, 0, phone)
      const members = form.sections[1]
      if (!members) throw new Error('fixture')
      const [name, relation, sex, ...rest] = members.items
      if (!name || !relation || !sex) throw new Error('fixture')
      members.items = [name, sex, relation, ...rest]
    })
    const changes = diffForms(defaultHouseholdForm, after)
    expect(changes.map((c) => [c.change, c.id, c.property, c.before, c.after])).toEqual([
      ['moved', 'phone', 'parent', 'household_details', 'household'],
      ['moved', 'relation', 'position', undefined, undefined],
    ])
    expect(changes[0]?.text.en).toBe(
      'Moved question "phone" (Contact phone) from "household_details" to "household"',
    )
  })

  it('reports settings, title, sections and groups', () => {
    const after = nextVersion((form) => {
      form.title = { vi: 'Phiếu khảo sát 2026', en: 'Survey 2026' }
      form.settings.adultAge = 18
      const members = form.sections[1]
      if (!members) throw new Error('fixture')
      members.maxRows = 30
      question(form, 'address').hint = { vi: 'Số nhà, ngõ', en: 'House number, lane' }
      group(form, 'member_digital').label = { vi: 'Kỹ năng số', en: 'Digital skills' }
    })
    const changes = diffForms(defaultHouseholdForm, after)
    expect(changes.map((c) => [c.change, c.target, c.id, c.property, c.before, c.after])).toEqual([
      [
        'changed',
        'form',
        'household-digital-readiness',
        'title',
        'Phiếu khảo sát mức độ sẵn sàng số của hộ gia đình',
        'Phiếu khảo sát 2026',
      ],
      ['changed', 'settings', 'adultAge', 'adultAge', '15', '18'],
      ['changed', 'question', 'address', 'hint', null, 'Số nhà, ngõ'],
      ['changed', 'section', 'members', 'maxRows', '60', '30'],
      ['changed', 'group', 'member_digital', 'label', expect.any(String), 'Kỹ năng số'],
    ])
    expect(changes[1]?.text.vi).toBe(
      'Thiết lập "adultAge": tuổi được tính là người lớn đổi từ "15" thành "18"',
    )
    expect(changes[2]?.text).toEqual({
      vi: 'Câu hỏi "address": thêm gợi ý "Số nhà, ngõ"',
      en: 'Question "address": hint set to "House number, lane"',
    })
    expect(changes[3]?.text.en).toBe('Section "members": maximum rows changed from "60" to "30"')
  })

  it('reports a changed row-count rule of the repeat in readable form', () => {
    const after = nextVersion((form) => {
      const rule = form.sections[1]?.rowCounts?.[0]
      if (!rule) throw new Error('fixture: the default form has a row-count rule')
      rule.max = 2
    })
    const [change, ...rest] = diffForms(defaultHouseholdForm, after)
    expect(rest).toEqual([])
    expect(change).toMatchObject({
      change: 'changed',
      target: 'section',
      id: 'members',
      property: 'rowCounts',
    })
    expect(change?.before).toMatch(/^one_head: 1–1 × \$\{relation\} = 'head' \(/)
    expect(change?.after).toMatch(/^one_head: 1–2 × /)
    expect(change?.text.en).toMatch(
      /^Section "members": row-count rules changed from "one_head: 1–1/,
    )
  })

  it('treats a question turned into a group as removed and added', () => {
    const after = nextVersion((form) => {
      const holder = itemsHolding(form, 'notes')
      const at = holder.findIndex((i) => i.id === 'notes')
      holder.splice(at, 1, {
        kind: 'group',
        id: 'notes',
        label: { vi: 'Ghi chú', en: 'Notes' },
        items: [
          {
            kind: 'question',
            id: 'notes_text',
            type: 'text',
            label: { vi: 'Nội dung', en: 'Text' },
            required: false,
          },
        ],
      })
    })
    expect(diffForms(defaultHouseholdForm, after).map((c) => [c.change, c.target, c.id])).toEqual([
      ['removed', 'question', 'notes'],
      ['added', 'group', 'notes'],
      ['added', 'question', 'notes_text'],
    ])
  })
})

describe('formatExpr', () => {
  it('writes rules in XLSForm syntax with the brackets they need', () => {
    expect(formatExpr({ op: 'has', args: [{ ref: 'm_skills' }, { lit: 'search' }] })).toBe(
      `selected(\${m_skills}, 'search')`,
    )
    expect(
      formatExpr({
        op: 'and',
        args: [
          {
            op: 'or',
            args: [
              { op: 'eq', args: [{ ref: 'a' }, { lit: 1 }] },
              { op: 'not', args: [{ ref: 'b' }] },
            ],
          },
          { op: 'ge', args: [{ op: 'count', args: [{ ref: 'c' }] }, { lit: 4 }] },
        ],
      }),
    ).toBe(`(\${a} = 1 or not(\${b})) and count-selected(\${c}) >= 4`)
    expect(
      formatExpr({
        op: 'sub',
        args: [{ ref: 'a' }, { op: 'sub', args: [{ ref: 'b' }, { lit: 1 }] }],
      }),
    ).toBe(`\${a} - (\${b} - 1)`)
    expect(formatExpr({ op: 'in', args: [{ ref: 'v' }, { lit: 'x' }, { lit: "it's" }] })).toBe(
      `\${v} = 'x' or \${v} = "it's"`,
    )
  })
})

describe('outsideCommonOrder', () => {
  it('names the fewest entries that moved', () => {
    expect(outsideCommonOrder(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'])).toEqual([])
    expect(outsideCommonOrder(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])).toEqual(['d'])
    expect(outsideCommonOrder(['a', 'b', 'c'], ['a', 'c', 'b'])).toHaveLength(1)
  })
})
