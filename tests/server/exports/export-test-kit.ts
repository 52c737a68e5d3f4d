import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import type { ExportJob } from '../../../src/shared/api/http.contract'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { makeBatch, makeHouseholdResponse, makeRevision } from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import type { TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import { COMMUNE, type ConsoleClient, OTHER_COMMUNE } from '../auth/auth-test-kit'

/** Laptops of the two communes the export tests fill. */
export const LAPTOP_A = '019ab5e6-6c00-7000-8000-00000000a001'
export const LAPTOP_B = '019ab5e6-6c00-7000-8000-00000000b001'

/** A name that needs every kind of CSV quoting, and Vietnamese letters. */
export const TRICKY_NAME = 'Nguyễn Văn "Tư", con ông Đỗ'
export const TRICKY_ADDRESS = 'Số 5, ngõ 3\nxóm Đồi Chè'

/** What the export tests put on the server. */
export interface ExportProvince {
  villages: { a1: string; a2: string; b1: string }
  /** Completed, commune A village 1, the tricky name, visited 2025-11-20. */
  tricky: HouseholdRevision
  /** Nobody at home, commune A village 2, 2025-11-22. */
  absent: HouseholdRevision
  /** Completed, commune B, three members, 2025-11-24. */
  other: HouseholdRevision
}

export async function createVillage(
  admin: ConsoleClient,
  commune: string,
  name: string,
  registeredHouseholds: number,
): Promise<string> {
  return dataOf(
    'places.createVillage',
    await admin.post(`/api/v1/places/communes/${commune}/villages`, { name, registeredHouseholds }),
  ).code
}

/** Three households in two communes, uploaded as sealed batches by each commune's laptop. */
export async function seedExportProvince(
  t: TestServer,
  admin: ConsoleClient,
): Promise<ExportProvince> {
  const villages = {
    a1: await createVillage(admin, COMMUNE, 'Thôn Khuổi My', 40),
    a2: await createVillage(admin, COMMUNE, 'Thôn Tả Lủng', 30),
    b1: await createVillage(admin, OTHER_COMMUNE, 'Tổ dân phố 1', 20),
  }
  const tricky = makeRevision({
    deviceId: LAPTOP_A,
    villageCode: villages.a1,
    visitDate: '2025-11-20',
    response: makeHouseholdResponse({
      answers: { village: villages.a1, head_name: TRICKY_NAME, address: TRICKY_ADDRESS },
      members: [
        { full_name: TRICKY_NAME },
        {
          full_name: 'Trần Thị Bình',
          relation: 'spouse',
          sex: 'female',
          birth_year: 1983,
          m_phone: 'basic',
          m_no_smartphone_reason: 'cost',
          m_vneid: 'level1',
          m_payment_accounts: ['none'],
          m_support_given: ['install_vneid', 'payment_account'],
        },
      ],
    }),
  })
  const absent = makeRevision({
    deviceId: LAPTOP_A,
    villageCode: villages.a2,
    visitDate: '2025-11-22',
    response: {
      answers: { village: villages.a2, head_name: 'Lò Thị Đào', visit_result: 'absent' },
      repeats: {},
    },
  })
  const other = makeRevision({
    deviceId: LAPTOP_B,
    communeCode: OTHER_COMMUNE,
    villageCode: villages.b1,
    visitDate: '2025-11-24',
    response: makeHouseholdResponse({
      answers: { village: villages.b1, head_name: 'Hà Văn Cúc', h_internet: 'none' },
      members: [
        { full_name: 'Hà Văn Cúc' },
        { full_name: 'Đinh Thị Mai', sex: 'female', relation: 'spouse', m_ehealth: 'no' },
        { full_name: 'Hà Minh Khôi', relation: 'child', birth_year: 2015, m_phone: 'none' },
      ],
    }),
  })
  const laptopA = await HouseholdSeeder.enrol(t, admin, [LAPTOP_A], COMMUNE)
  expect(await laptopA.upload(makeBatch([tricky, absent], { deviceId: LAPTOP_A }))).toMatchObject({
    accepted: 2,
    rejected: 0,
  })
  const laptopB = await HouseholdSeeder.enrol(t, admin, [LAPTOP_B], OTHER_COMMUNE)
  expect(
    await laptopB.upload(makeBatch([other], { deviceId: LAPTOP_B, communeCode: OTHER_COMMUNE })),
  ).toMatchObject({ accepted: 1, rejected: 0 })
  return { villages, tricky, absent, other }
}

/** Asks for an export and polls it until it is done (or failed, which fails the test). */
export async function exportAndWait(
  client: ConsoleClient,
  body: { format: 'xlsx' | 'csv'; filter?: Record<string, string> },
): Promise<ExportJob> {
  const created = dataOf('exports.create', await client.post('/api/v1/exports', body))
  return waitForExport(client, created.id)
}

/** Polls an export until it is no longer queued or running. */
export async function waitForExport(client: ConsoleClient, id: string): Promise<ExportJob> {
  for (;;) {
    const job = dataOf('exports.get', await client.get(`/api/v1/exports/${id}`))
    if (job.status === 'done') return job
    if (job.status === 'failed' || job.status === 'expired') {
      throw new Error(`export ${id} ended ${job.status}: ${job.error}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Downloads a file with the client's session; the raw answer. */
export async function download(client: ConsoleClient, url: string): Promise<Response> {
  return fetch(`${client.baseUrl}${url}`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
  })
}

/** Downloads a finished export's file and answers its bytes. */
export async function downloadBytes(client: ConsoleClient, url: string): Promise<Buffer> {
  const res = await download(client, url)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

/** Reads an XLSX back with exceljs. */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

/** A sheet as plain rows (header first), cell values as exceljs reads them. */
export function sheetRows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${workbook.worksheets.map((w) => w.name)}`)
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[]
    rows.push(values.slice(1))
  })
  return rows
}

/** Rows of a sheet as records keyed by the header row. */
export function sheetRecords(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const [header = [], ...rows] = sheetRows(workbook, name)
  return rows.map((row) =>
    Object.fromEntries(header.map((h, i) => [String(h), row[i] === undefined ? null : row[i]])),
  )
}
