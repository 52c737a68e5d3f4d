import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { XlsFormIssue } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { Group, Question, Section } from '../../../src/shared/forms/form-definition.schema'
import { csvUpload, xlsxUpload } from '../../fixtures/spreadsheet-files'
import {
  CLEAN_CHOICES,
  CLEAN_SETTINGS,
  CLEAN_SURVEY,
  HOUSEHOLD_CHOICES,
  HOUSEHOLD_SETTINGS,
  HOUSEHOLD_SURVEY,
} from '../../fixtures/xlsform-workbooks'
import { FIXTURE_MS } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { type ConsoleClient, completeSetup } from '../auth/auth-test-kit'

const IMPORT = '/api/v1/forms/xlsform-imports'

function item(section: Section | undefined, id: string): Question | Group | undefined {
  const search = (items: (Question | Group)[]): Question | Group | undefined => {
    for (const entry of items) {
      if (entry.id === id) return entry
      const inner = entry.kind === 'group' ? search(entry.items) : undefined
      if (inner) return inner
    }
    return undefined
  }
  return section ? search(section.items) : undefined
}

const where = (issue: XlsFormIssue) =>
  [issue.severity, issue.code, issue.sheet, issue.row, issue.column] as const

describe.each(serverStores())('XLSForm import on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient

  beforeEach(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    admin = await completeSetup(t)
  })
  afterEach(async () => {
    await t?.close()
  })

  it('translates groups, a repeat, lists and rules, naming each row it cannot translate', async () => {
    const upload = await xlsxUpload('phieu-ho.xlsx', {
      survey: HOUSEHOLD_SURVEY,
      choices: HOUSEHOLD_CHOICES,
      settings: HOUSEHOLD_SETTINGS,
    })

    const answer = dataOf('forms.importXlsForm', await admin.post(IMPORT, upload))

    expect(answer.issues.map(where)).toEqual([
      ['error', 'invalid_choice_name', 'choices', 12, 'name'],
      ['warning', 'metadata_ignored', 'survey', 2, 'type'],
      ['warning', 'mapped_yes_no', 'survey', 6, 'type'],
      ['warning', 'column_ignored', 'survey', 8, 'default'],
      ['error', 'unsupported_type', 'survey', 10, 'type'],
      ['error', 'unsupported_type', 'survey', 11, 'type'],
      ['error', 'unsupported_expression', 'survey', 12, 'relevant'],
      ['error', 'unsupported_type', 'survey', 19, 'type'],
      ['error', 'nested_repeat', 'survey', 20, 'type'],
      ['error', 'invalid_name', 'survey', 23, 'name'],
      ['error', 'missing_label', 'survey', 24, 'label::Vietnamese (vi)'],
      ['warning', 'version_replaced', 'settings', null, 'version'],
    ])
    expect(answer.issues[4]?.message).toMatch(/decimal numbers are not supported/)
    expect(answer.issues[6]?.message).toMatch(/string-length\(\) is not supported/)
    expect(answer).toMatchObject({ errors: 8, warnings: 4, publishable: false })

    const form = answer.definition
    if (!form) throw new Error('expected a candidate definition')
    expect(form).toMatchObject({
      id: defaultHouseholdForm.id,
      version: 2,
      title: { vi: 'Phiếu khảo sát hộ 2026', en: 'Household survey 2026' },
      settings: { adultAge: 18 },
    })
    const [household, members] = form.sections
    expect(form.sections.map((s) => [s.kind, s.id, s.rowLabel ?? null])).toEqual([
      ['fields', 'household', null],
      ['repeat', 'members', 'full_name'],
    ])
    expect(household?.items.map((i) => i.id)).toEqual([
      'head_name',
      'visit_result',
      'consent',
      'details',
    ])
    expect(item(household, 'consent')).toMatchObject({
      type: 'yes_no',
      required: true,
      relevant: { op: 'eq', args: [{ ref: 'visit_result' }, { lit: 'completed' }] },
    })
    expect(item(household, 'consent')).not.toHaveProperty('choices')
    const details = item(household, 'details') as Group
    expect(details.relevant).toEqual({ op: 'eq', args: [{ ref: 'consent' }, { lit: true }] })
    expect(details.items.map((i) => i.id)).toEqual(['h_internet', 'h_no_fibre_reason', 'h_extra'])
    expect(item(household, 'h_no_fibre_reason')).toMatchObject({
      type: 'select_multiple',
      relevant: { op: 'ne', args: [{ ref: 'h_internet' }, { lit: 'fibre' }] },
      choices: [
        { value: 'cost', label: { vi: 'Chi phí cao', en: 'Cost' } },
        { value: 'no_infra', label: { vi: 'Chưa có hạ tầng', en: 'No infrastructure' } },
      ],
    })
    expect(item(household, 'visit_result')).toMatchObject({
      choices: [
        { value: 'completed', label: { vi: 'Hoàn thành', en: 'Completed' } },
        { value: 'absent', label: { vi: 'Vắng nhà', en: 'Vắng nhà' } },
      ],
    })
    expect(item(household, 'h_extra')).not.toHaveProperty('relevant')

    expect(members?.relevant).toEqual({ op: 'eq', args: [{ ref: 'consent' }, { lit: true }] })
    expect(members?.items.map((i) => i.id)).toEqual([
      'full_name',
      'birth_year',
      'm_skills',
      'visits',
      'no_label',
    ])
    expect(item(members, 'birth_year')).toMatchObject({
      type: 'integer',
      label: { vi: 'Năm sinh', en: 'Năm sinh' },
      hint: { vi: 'Bốn chữ số', en: 'Bốn chữ số' },
      constraint: {
        op: 'and',
        args: [
          { op: 'ge', args: [{ ref: '.' }, { lit: 1900 }] },
          { op: 'le', args: [{ ref: '.' }, { ctx: 'visit_year' }] },
        ],
      },
      constraintMessage: { vi: 'Năm sinh không hợp lệ', en: 'Năm sinh không hợp lệ' },
    })
    expect(item(members, 'm_skills')).toMatchObject({
      relevant: {
        op: 'ge',
        args: [{ op: 'sub', args: [{ ctx: 'visit_year' }, { ref: 'birth_year' }] }, { lit: 10 }],
      },
      constraint: {
        op: 'not',
        args: [
          {
            op: 'and',
            args: [
              { op: 'has', args: [{ ref: '.' }, { lit: 'none' }] },
              { op: 'gt', args: [{ op: 'count', args: [{ ref: '.' }] }, { lit: 1 }] },
            ],
          },
        ],
      },
      choices: [
        { value: 'search', label: { vi: 'Tìm kiếm thông tin', en: 'Search' } },
        { value: 'none', label: { vi: 'Không có', en: 'None' }, exclusive: true },
      ],
    })
    expect(item(members, 'visits')).toMatchObject({
      kind: 'group',
      items: [{ id: 'visit_day', type: 'date' }],
    })

    expect(answer.diff).toMatchObject({
      formId: defaultHouseholdForm.id,
      fromVersion: 1,
      toVersion: null,
    })
    expect(answer.diff?.changes).toContainEqual(
      expect.objectContaining({ change: 'removed', target: 'question', id: 'address' }),
    )
    expect(answer.diff?.changes).toContainEqual(
      expect.objectContaining({
        change: 'changed',
        target: 'settings',
        id: 'adultAge',
        before: '15',
        after: '18',
      }),
    )
    // Importing publishes nothing.
    const versions = await t.store.db.selectFrom('form_versions').select('version').execute()
    expect(versions.map((v) => v.version)).toEqual([1])
  })

  it('imports a clean XLSForm that can then be published as the next version', async () => {
    const upload = await xlsxUpload('ngan.xlsx', {
      survey: CLEAN_SURVEY,
      choices: CLEAN_CHOICES,
      settings: CLEAN_SETTINGS,
    })
    const answer = dataOf('forms.importXlsForm', await admin.post(IMPORT, upload))
    expect(answer.issues.map((i) => i.code)).toEqual(['mapped_yes_no'])
    expect(answer).toMatchObject({ errors: 0, warnings: 1, publishable: true })
    expect(answer.definition?.sections[0]?.items[2]).toEqual({
      kind: 'question',
      id: 'computers',
      type: 'integer',
      label: { vi: 'Số máy tính', en: 'Computers' },
      required: false,
      relevant: { op: 'eq', args: [{ ref: 'has_computer' }, { lit: true }] },
    })

    const published = dataOf(
      'forms.publish',
      await admin.post(`/api/v1/forms/${defaultHouseholdForm.id}/versions`, {
        definition: answer.definition,
        source: 'xlsform',
      }),
    )
    expect(published).toMatchObject({ version: 2, source: 'xlsform', questionCount: 3 })
    expect(published.changes).toEqual(answer.diff?.changes)
  })

  it('refuses files that are not XLSForm workbooks and publishes nothing', async () => {
    const cases: { body: unknown; status: number; code: string }[] = [
      {
        body: await xlsxUpload('khong-phai.xlsx', { Sheet1: [['Thôn'], ['A']] }),
        status: 422,
        code: 'invalid_file',
      },
      {
        body: await xlsxUpload('thieu-cot.xlsx', {
          survey: [
            ['kieu', 'ten'],
            ['text', 'a'],
          ],
        }),
        status: 422,
        code: 'invalid_file',
      },
      {
        body: {
          fileName: 'rac.xlsx',
          contentBase64: Buffer.from('PK\x03\x04garbage').toString('base64'),
        },
        status: 422,
        code: 'invalid_file',
      },
      {
        body: csvUpload('survey.csv', [['type', 'name']]),
        status: 415,
        code: 'unsupported_media_type',
      },
    ]
    for (const { body, status, code } of cases) {
      const answer = await admin.post(IMPORT, body)
      expect(answer.status, (body as { fileName: string }).fileName).toBe(status)
      expect(errorOf(answer).code).toBe(code)
    }
    const versions = await t.store.db.selectFrom('form_versions').select('version').execute()
    expect(versions).toHaveLength(1)
  })
})
