import { describe, expect, it } from 'vitest'
import {
  candidateSource,
  readJsonDefinition,
} from '../../../../src/renderer/console/forms/form-candidate'
import type { FormVersionSummary } from '../../../../src/shared/api/http.contract'
import { defaultHouseholdForm } from '../../../../src/shared/forms/default-household-form'
import { catalogT } from '../../support/test-i18n'

const PUBLISHED: FormVersionSummary[] = [
  {
    formId: defaultHouseholdForm.id,
    version: 1,
    title: defaultHouseholdForm.title,
    source: 'builtin',
    publishedAt: '2025-07-01T00:00:00.000Z',
    publishedBy: null,
    sectionCount: 2,
    questionCount: 33,
    latest: true,
  },
]
const json = (value: unknown) => JSON.stringify(value)

describe('reading a form definition file before publishing', () => {
  it('tells an XLSForm workbook from a JSON definition by the file name', () => {
    expect(candidateSource('Phieu ho.XLSX')).toBe('xlsform')
    expect(candidateSource('phieu-ho.json')).toBe('json')
    expect(candidateSource('phieu-ho.csv')).toBeNull()
  })

  it('accepts the next version of a published form', async () => {
    const t = await catalogT('vi')
    const read = readJsonDefinition(json({ ...defaultHouseholdForm, version: 2 }), PUBLISHED, t)
    expect(read.problems).toEqual([])
    expect(read.definition?.version).toBe(2)
  })

  it('says why a file cannot be the next version, in words', async () => {
    const t = await catalogT('vi')
    expect(readJsonDefinition('{ "id": ', PUBLISHED, t).problems[0]).toMatch(
      /^Tệp JSON không đọc được/,
    )
    expect(
      readJsonDefinition(json({ ...defaultHouseholdForm, version: 5 }), PUBLISHED, t).problems,
    ).toEqual([
      'Tệp ghi phiên bản 5, nhưng phiên bản kế tiếp phải là 2. Sửa "version" trong tệp rồi chọn lại.',
    ])
    expect(
      readJsonDefinition(
        json({ ...defaultHouseholdForm, id: 'other-form', version: 1 }),
        PUBLISHED,
        t,
      ).problems[0],
    ).toContain('"other-form"')
    const broken = readJsonDefinition(
      json({ ...defaultHouseholdForm, version: 2, sections: [] }),
      PUBLISHED,
      t,
    )
    expect(broken.definition).toBeNull()
    expect(broken.problems[0]).toMatch(/^sections: /)
  })
})
