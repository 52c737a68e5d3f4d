import type { Section } from '../../../shared/forms/form-definition.schema'
import type { LocalizedText } from '../../../shared/forms/localized-text'
import type { SheetRow } from '../../places/upload/spreadsheet.reader'
import { InvalidFileError } from '../../places/upload/uploaded-file'
import { readChoiceLists } from './xlsform-choices'
import {
  type IssueList,
  languageColumns,
  localizedCell,
  toXlsSheet,
  type XlsSheet,
} from './xlsform-sheet'
import { translateSurvey } from './xlsform-survey'

/** What an XLSForm workbook says, before it is matched with the published versions. */
export interface XlsFormDraft {
  /** settings.form_id, if given and well formed. */
  formId: string | undefined
  /** settings.version as written (XLSForm versions are free text). */
  declaredVersion: string | undefined
  title: LocalizedText | undefined
  /** settings.adult_age, our extension. */
  adultAge: number | undefined
  sections: Section[]
}

const FORM_ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/

/**
 * Translates the survey, choices and settings sheets of an XLSForm. Problems are added to
 * `issues` with their sheet, row and column; a workbook without a survey sheet is refused.
 */
export function translateWorkbook(
  sheets: ReadonlyMap<string, readonly SheetRow[]>,
  issues: IssueList,
): XlsFormDraft {
  const sheet = (name: string): XlsSheet | undefined => {
    const found = [...sheets.entries()].find(([key]) => key.trim().toLowerCase() === name)
    return found ? toXlsSheet(found[0], found[1]) : undefined
  }
  const survey = sheet('survey')
  if (!survey) throw new InvalidFileError('The workbook has no "survey" sheet: is it an XLSForm?')
  if (!survey.has('type') || !survey.has('name')) {
    throw new InvalidFileError('The survey sheet needs "type" and "name" columns in its first row')
  }
  const settings = readSettings(sheet('settings'), issues)
  const lists = readChoiceLists(sheet('choices'), issues)
  const placeholderTitle = settings.title ?? { vi: 'Biểu mẫu', en: 'Form' }
  const sections = translateSurvey(survey, lists, placeholderTitle, issues)
  return { ...settings, sections }
}

function readSettings(
  sheet: XlsSheet | undefined,
  issues: IssueList,
): Omit<XlsFormDraft, 'sections'> {
  const row = sheet?.rows[0]
  if (!sheet || !row) {
    return { formId: undefined, declaredVersion: undefined, title: undefined, adultAge: undefined }
  }
  const at = (column: string) => ({ sheet: sheet.name, row: row.rowNumber, column })
  const rawId = row.get('form_id')
  let formId: string | undefined
  if (rawId && FORM_ID_PATTERN.test(rawId)) formId = rawId
  else if (rawId) {
    issues.error(
      'invalid_form_id',
      `form_id "${rawId}" must be lower case letters, digits, "-" and "_"`,
      at('form_id'),
    )
  }
  const rawAge = row.get('adult_age')
  let adultAge: number | undefined
  if (rawAge && /^\d{1,3}$/.test(rawAge) && Number(rawAge) <= 120) adultAge = Number(rawAge)
  else if (rawAge)
    issues.error('invalid_setting', 'adult_age must be a whole number of years', at('adult_age'))
  return {
    formId,
    declaredVersion: row.get('version') || undefined,
    title: localizedCell(row, languageColumns(sheet, 'form_title')),
    adultAge,
  }
}
