import { describe, expect, it } from 'vitest'
import { IssueList } from '../../../../src/server/forms/xlsform/xlsform-sheet'
import { translateWorkbook } from '../../../../src/server/forms/xlsform/xlsform-workbook'
import type { SheetRow } from '../../../../src/server/places/upload/spreadsheet.reader'
import { AppError } from '../../../../src/shared/result'

/** Sheets as the workbook reader gives them: numbered rows of text cells. */
function sheets(tables: Record<string, string[][]>): Map<string, SheetRow[]> {
  return new Map(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map((cells, index) => ({ rowNumber: index + 1, cells })),
    ]),
  )
}

function translate(survey: string[][], choices: string[][] = [['list_name', 'name', 'label']]) {
  const issues = new IssueList()
  const draft = translateWorkbook(
    sheets({ Survey: [['type', 'name', 'label'], ...survey], choices }),
    issues,
  )
  return { draft, issues: issues.items.map((i) => [i.code, i.row, i.column]) }
}

describe('translateWorkbook', () => {
  it('gathers loose questions into sections of their own between top-level groups', () => {
    const { draft, issues } = translate([
      ['text', 'a', 'A'],
      ['begin group', 'g', 'Nhóm'],
      ['text', 'b', 'B'],
      ['end group', '', ''],
      ['integer', 'c', 'C'],
    ])
    expect(issues).toEqual([])
    expect(draft.sections.map((s) => [s.kind, s.id, s.items.map((i) => i.id)])).toEqual([
      ['fields', 'main', ['a']],
      ['fields', 'g', ['b']],
      ['fields', 'main_2', ['c']],
    ])
  })

  it('reports unbalanced structure, a second repeat, duplicate names and unknown lists', () => {
    const { draft, issues } = translate(
      [
        ['end_group', '', ''],
        ['begin_repeat', 'r1', 'Một'],
        ['text', 'a', 'A'],
        ['end_group', '', ''],
        ['begin_repeat', 'r2', 'Hai'],
        ['text', 'a', 'A lần nữa'],
        ['select_one nowhere', 'b', 'B'],
        ['select_one', 'c', 'C'],
        ['text', 'd', ''],
        ['', 'e', 'E'],
        ['text', 'f', 'F'],
      ],
      [
        ['list_name', 'name', 'label'],
        ['', 'x', 'X'],
        ['l', 'x', ''],
        ['l', 'y', 'Y'],
        ['l', 'y', 'Y'],
      ],
    )
    expect(issues).toEqual([
      ['missing_list_name', 2, 'list_name'],
      ['missing_label', 3, 'label'],
      ['duplicate_choice', 5, 'name'],
      ['unbalanced', 2, 'type'],
      ['unbalanced', 5, 'type'],
      ['second_repeat', 6, 'type'],
      ['duplicate_name', 7, 'name'],
      ['unknown_list', 8, 'type'],
      ['unsupported_type', 9, 'type'],
      ['missing_label', 10, 'label'],
      ['missing_type', 11, 'type'],
      ['unclosed', 6, 'type'],
    ])
    expect(draft.sections.map((s) => [s.kind, s.id, s.items.map((i) => i.id)])).toEqual([
      ['repeat', 'r1', ['a']],
      ['repeat', 'r2', ['b', 'd', 'f']],
    ])
  })

  it('reads settings and refuses a workbook without a survey sheet', () => {
    const issues = new IssueList()
    const draft = translateWorkbook(
      sheets({
        survey: [
          ['type', 'name', 'label::vi'],
          ['text', 'a', 'A'],
        ],
        settings: [
          ['form_id', 'version', 'form_title', 'adult_age'],
          ['Bad Id', '7', 'Phiếu', 'old'],
        ],
      }),
      issues,
    )
    expect(draft).toMatchObject({
      formId: undefined,
      declaredVersion: '7',
      title: { vi: 'Phiếu', en: 'Phiếu' },
    })
    expect(issues.items.map((i) => i.code)).toEqual(['invalid_form_id', 'invalid_setting'])
    expect(() => translateWorkbook(sheets({ choices: [['list_name']] }), new IssueList())).toThrow(
      AppError,
    )
  })
})
