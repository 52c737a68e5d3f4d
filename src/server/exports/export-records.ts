import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { Answers } from '../../shared/forms/form-response.schema'
import { MEMBERS_REPEAT } from '../../shared/household/household-facts'
import { type AnswerFormat, answerFormats, plainFormat } from './export-answers'
import {
  type CellValue,
  type ExportColumn,
  fixedColumn,
  type QuestionColumn,
  questionColumns,
  uniqueHeaders,
} from './export-columns'
import type { ExportHousehold } from './export-source'

/** Names of communes and villages, from the official list and the province's villages. */
export interface PlaceNames {
  communeName(code: string): string | null
  villageName(code: string): string | null
}

/** The columns of the two record tables (sheets in XLSX, files in CSV). */
export interface RecordLayout {
  households: ExportColumn[]
  members: ExportColumn[]
}

/** A household as rows: its own, and one per member (keyed to it by the household id). */
export interface RecordRows {
  household: CellValue[]
  members: CellValue[][]
}

const formKey = (formId: string, version: number) => `${formId}@${version}`

/**
 * Lays households and their members out as rows. Every row starts with the keys people
 * join on (household id; member id) and the place, so a members table filtered on its own
 * still says whose household each person is in. Answers are shown with the wording of the
 * form version each record was made with.
 */
export class RecordFormatter {
  readonly layout: RecordLayout
  private readonly questions: { household: QuestionColumn[]; member: QuestionColumn[] }
  private readonly formats = new Map<string, Map<string, AnswerFormat>>()

  constructor(
    private readonly forms: ReadonlyMap<string, FormDefinition>,
    private readonly names: PlaceNames,
  ) {
    this.questions = questionColumns([...forms.values()])
    this.layout = {
      households: uniqueHeaders([
        fixedColumn('household_id', 'Mã hộ', 'text', 38),
        ...placeColumns(),
        fixedColumn('visit_date', 'Ngày khảo sát', 'date'),
        ...this.questions.household,
        fixedColumn('member_count', 'Số thành viên', 'integer'),
        fixedColumn('visit_count', 'Số lần khảo sát', 'integer'),
        fixedColumn('form_version', 'Phiên bản phiếu', 'integer'),
        fixedColumn('device_id', 'Mã máy khảo sát', 'text', 38),
        fixedColumn('received_at', 'Nhận lúc', 'datetime'),
        fixedColumn('updated_at', 'Cập nhật lần cuối', 'datetime'),
      ]),
      members: uniqueHeaders([
        fixedColumn('household_id', 'Mã hộ', 'text', 38),
        fixedColumn('member_id', 'Mã thành viên', 'text', 38),
        ...placeColumns(),
        fixedColumn('head_name', 'Chủ hộ', 'text', 24),
        fixedColumn('position', 'STT trong hộ', 'integer'),
        ...this.questions.member,
      ]),
    }
  }

  /** The household's row and its members' rows. */
  rows(household: ExportHousehold): RecordRows {
    const formats = this.formatsOf(household.formId, household.formVersion)
    const { answers } = household.response
    const members = household.response.repeats[MEMBERS_REPEAT] ?? []
    const place = this.placeCells(household)
    const headName = typeof answers.head_name === 'string' ? answers.head_name : null
    return {
      household: [
        household.id,
        ...place,
        household.visitDate,
        ...answerCells(this.questions.household, answers, formats),
        members.length,
        household.visitCount,
        household.formVersion,
        household.deviceId,
        household.receivedAt,
        household.updatedAt,
      ],
      members: members.map((member, index) => [
        household.id,
        member.id,
        ...place,
        headName,
        index + 1,
        ...answerCells(this.questions.member, member.answers, formats),
      ]),
    }
  }

  private placeCells(household: ExportHousehold): CellValue[] {
    return [
      household.communeCode,
      this.names.communeName(household.communeCode),
      household.villageCode,
      this.names.villageName(household.villageCode),
    ]
  }

  private formatsOf(formId: string, version: number): Map<string, AnswerFormat> {
    const key = formKey(formId, version)
    let formats = this.formats.get(key)
    if (!formats) {
      const form = this.forms.get(key)
      formats = form ? answerFormats(form, (code) => this.names.villageName(code)) : new Map()
      this.formats.set(key, formats)
    }
    return formats
  }
}

/** The published form versions by `formId@version`, as RecordFormatter takes them. */
export function formsByKey(forms: readonly FormDefinition[]): Map<string, FormDefinition> {
  return new Map(forms.map((form) => [formKey(form.id, form.version), form]))
}

function placeColumns(): ExportColumn[] {
  return [
    fixedColumn('commune_code', 'Mã xã', 'text', 9),
    fixedColumn('commune_name', 'Xã / Phường', 'text', 22),
    fixedColumn('village_code', 'Mã thôn', 'text', 11),
    fixedColumn('village_name', 'Thôn / Tổ dân phố', 'text', 22),
  ]
}

function answerCells(
  columns: readonly QuestionColumn[],
  answers: Answers,
  formats: ReadonlyMap<string, AnswerFormat>,
): CellValue[] {
  return columns.map((column) => {
    const value = answers[column.questionId]
    if (value === undefined || value === null) return null
    return (formats.get(column.questionId) ?? plainFormat)(value)
  })
}
