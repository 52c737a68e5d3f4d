import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { FormDefinition, Question } from '../../../src/shared/forms/form-definition.schema'
import { newId } from '../../../src/shared/ids/uuid'
import {
  generateDeviceKeyPair,
  signDeviceRequest,
} from '../../../src/shared/sync/device-signature.node'

/** A spreadsheet cell as the tests write it. */
export type Cell = string | number | null

/** Writes a CSV file (UTF-8 with a byte-order mark, as Excel saves "CSV UTF-8"). */
export async function writeCsv(dir: string, name: string, rows: Cell[][]): Promise<string> {
  const text = rows.map((row) => row.map((cell) => csvCell(cell)).join(',')).join('\r\n')
  const file = path.join(dir, name)
  await writeFile(file, `\uFEFF${text}\r\n`, 'utf8')
  return file
}

function csvCell(cell: Cell): string {
  const text = cell === null ? '' : String(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Writes an .xlsx workbook with exceljs: one worksheet per entry, the first row its header. */
export async function writeWorkbook(
  dir: string,
  name: string,
  sheets: Record<string, Cell[][]>,
): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName)
    for (const row of rows) sheet.addRow(row)
  }
  const file = path.join(dir, name)
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()))
  return file
}

/**
 * The household form's next version as a JSON definition, as a province would edit it: a
 * new yes/no question about a computer at home, and a clearer label for the address.
 */
export function householdFormVersion2(): FormDefinition {
  const form = structuredClone(defaultHouseholdForm)
  form.version = 2
  const household = form.sections[0]
  if (!household) throw new Error('the household form has no sections')
  const computer: Question = {
    kind: 'question',
    id: 'h_computer',
    type: 'yes_no',
    label: {
      vi: 'Hộ có máy tính (để bàn hoặc xách tay) không?',
      en: 'Does the household have a computer?',
    },
    required: false,
  }
  household.items.push(computer)
  for (const item of household.items) {
    if (item.kind === 'question' && item.id === 'address') {
      item.label = { vi: 'Địa chỉ (số nhà, tên xóm, thôn)', en: 'Address (house number, hamlet)' }
    }
  }
  return form
}

/** Writes a form definition as a JSON file. */
export async function writeJson(dir: string, name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, 'utf8')
  return file
}

/**
 * A laptop enrolling with a code through the public API, then checking in signed with its
 * own key, as the desktop app will: so the console has a real device to list.
 */
export async function enrolLaptop(
  baseUrl: string,
  code: string,
  name: string,
  pendingCount: number,
): Promise<string> {
  const deviceId = newId()
  const keys = generateDeviceKeyPair()
  const enrolled = await fetch(`${baseUrl}/api/v1/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId, deviceName: name, publicKey: keys.publicKey }),
  })
  if (enrolled.status !== 200) throw new Error(`enrol answered ${enrolled.status}`)
  const body = JSON.stringify({ pendingCount, appVersion: '0.1.0' })
  const pathWithQuery = '/api/v1/devices/check-in'
  const checkedIn = await fetch(`${baseUrl}${pathWithQuery}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signDeviceRequest(keys.privateKey, { method: 'POST', pathWithQuery, body, deviceId }),
    },
    body,
  })
  if (checkedIn.status !== 200) throw new Error(`check-in answered ${checkedIn.status}`)
  return deviceId
}
