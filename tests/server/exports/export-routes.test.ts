import { existsSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_TTL_MS } from '../../../src/server/exports/export-runner'
import { ManualClock } from '../../../src/shared/clock/clock'
import { FIXTURE_MS } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf, getJson } from '../api-client'
import {
  addUser,
  COMMUNE,
  type ConsoleClient,
  completeSetup,
  OTHER_COMMUNE,
  PASSWORD,
} from '../auth/auth-test-kit'
import {
  download,
  downloadBytes,
  type ExportProvince,
  exportAndWait,
  readWorkbook,
  seedExportProvince,
  sheetRecords,
  sheetRows,
  TRICKY_ADDRESS,
  TRICKY_NAME,
} from './export-test-kit'

describe.each(serverStores())('exports over HTTP on $name', (variant) => {
  let t: TestServer
  let staff: ConsoleClient
  let viewer: ConsoleClient
  let admin: ConsoleClient
  let seeded: ExportProvince
  const clock = new ManualClock(FIXTURE_MS)

  beforeAll(async () => {
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
    staff = (await addUser(t, admin, { username: 'staff', role: 'province_staff' })).client
    viewer = (
      await addUser(t, admin, { username: 'viewer', role: 'commune_viewer', communeCode: COMMUNE })
    ).client
    seeded = await seedExportProvince(t, admin)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('writes the whole province as one workbook: households, members keyed to them, indicators', async () => {
    const job = await exportAndWait(staff, { format: 'xlsx' })
    expect(job).toMatchObject({
      status: 'done',
      householdsTotal: 3,
      householdsWritten: 3,
      membersWritten: 5,
      progress: 1,
    })
    expect(job.files).toHaveLength(1)
    const [file] = job.files
    expect(file?.name).toMatch(/^langso-toan-tinh-\d{8}-\d{4}\.xlsx$/)

    const res = await download(staff, file?.url ?? '')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file?.name}"`)
    const workbook = await readWorkbook(Buffer.from(await res.arrayBuffer()))
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Hộ gia đình',
      'Thành viên',
      'Chỉ số',
      'Thông tin',
    ])

    const sheet = workbook.getWorksheet('Hộ gia đình')
    expect(sheet?.getRow(1).font?.bold).toBe(true)
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet?.autoFilter).toBeTruthy()
    expect(sheet?.getColumn(1).width).toBeGreaterThan(30)

    const households = sheetRecords(workbook, 'Hộ gia đình')
    expect(households).toHaveLength(3)
    // Commune by commune, village by village.
    expect(households.map((h) => h['Mã hộ'])).toEqual([
      seeded.tricky.householdId,
      seeded.absent.householdId,
      seeded.other.householdId,
    ])
    const tricky = households[0] ?? {}
    expect(tricky).toMatchObject({
      'Mã xã': COMMUNE,
      'Xã / Phường': 'Xã Ngọc Đường',
      'Mã thôn': seeded.villages.a1,
      'Thôn / Tổ dân phố': 'Thôn Khuổi My',
      'Họ tên chủ hộ': TRICKY_NAME,
      'Địa chỉ (số nhà, xóm)': TRICKY_ADDRESS,
      'Kết quả khảo sát': 'Hoàn thành',
      'Hộ đồng ý cung cấp thông tin': 'Có',
      'Internet cố định tại nhà': 'Cáp quang (FTTH)',
      'Nhu cầu hỗ trợ': 'VNeID',
      'Số thành viên': 2,
      'Số lần khảo sát': 1,
      'Phiên bản phiếu': 1,
    })
    expect(tricky['Ngày khảo sát']).toEqual(new Date(Date.UTC(2025, 10, 20)))
    expect(tricky['Nhận lúc']).toBeInstanceOf(Date)
    expect(households[1]).toMatchObject({ 'Kết quả khảo sát': 'Vắng nhà', 'Số thành viên': 0 })

    const members = sheetRecords(workbook, 'Thành viên')
    expect(members).toHaveLength(5)
    const householdIds = new Set(households.map((h) => h['Mã hộ']))
    for (const member of members) expect(householdIds.has(member['Mã hộ'])).toBe(true)
    expect(members.filter((m) => m['Mã hộ'] === seeded.other.householdId)).toHaveLength(3)
    expect(members[1]).toMatchObject({
      'Chủ hộ': TRICKY_NAME,
      'STT trong hộ': 2,
      'Họ và tên': 'Trần Thị Bình',
      'Quan hệ với chủ hộ': 'Vợ/chồng',
      'Điện thoại đang dùng': 'Điện thoại phổ thông',
      'Tài khoản thanh toán': 'Không có',
      'Tổ đã hỗ trợ trong lần này': 'Cài VNeID; Mở tài khoản thanh toán',
      'Năm sinh': 1983,
    })

    const indicators = sheetRecords(workbook, 'Chỉ số')
    const find = (level: string, place: string | null, id: string) =>
      indicators.find(
        (r) =>
          r.Cấp === level &&
          (level === 'Tỉnh' || r[level === 'Xã' ? 'Mã xã' : 'Mã thôn'] === place) &&
          r['Mã chỉ số'] === id,
      )
    // Hand-computed: two completed households of 40 + 30 + 20 registered; adults (15+ in
    // 2025, not away) are the two of the first household and two of the other (the child is 10).
    expect(find('Tỉnh', null, 'coverage')).toMatchObject({ 'Tử số': 2, 'Mẫu số': 90 })
    expect(find('Tỉnh', null, 'smartphone_adults')).toMatchObject({
      'Tử số': 3,
      'Mẫu số': 4,
      'Tỷ lệ': 0.75,
      'Mục tiêu 2025': 0.8,
    })
    expect(find('Tỉnh', null, 'fibre_households')).toMatchObject({ 'Tử số': 1, 'Mẫu số': 2 })
    expect(find('Xã', COMMUNE, 'coverage')).toMatchObject({ 'Tử số': 1, 'Mẫu số': 70 })
    expect(find('Thôn', seeded.villages.a2, 'coverage')).toMatchObject({
      'Tử số': 0,
      'Mẫu số': 30,
      'Thôn / Tổ dân phố': 'Thôn Tả Lủng',
    })
    expect(find('Thôn', seeded.villages.a1, 'support_given.install_vneid')).toMatchObject({
      'Tử số': 1,
      'Chỉ số': 'Hỗ trợ tổ đã thực hiện: Cài VNeID',
    })

    const about = sheetRows(workbook, 'Thông tin')
    expect(about).toContainEqual(['Phạm vi', 'Toàn tỉnh'])
    expect(about).toContainEqual(['Số hộ', '3'])
    expect(about).toContainEqual(['Người xuất', 'staff'])
  })

  it('writes households and members as two CSV files, UTF-8 with BOM, quoted as RFC 4180', async () => {
    const job = await exportAndWait(staff, { format: 'csv' })
    expect(job.files.map((f) => f.kind)).toEqual(['households', 'members'])
    const [householdsFile, membersFile] = job.files
    const householdsBytes = await downloadBytes(staff, householdsFile?.url ?? '')
    expect([...householdsBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = householdsBytes.toString('utf8')
    // Quotes doubled, the field quoted because of its comma, quote and line break; CRLF lines.
    expect(text).toContain('"Nguyễn Văn ""Tư"", con ông Đỗ"')
    expect(text).toContain('"Số 5, ngõ 3\nxóm Đồi Chè"')
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFMã hộ,Mã xã,Xã \/ Phường,/)

    const households = parse(householdsBytes, { bom: true, columns: true }) as Record<
      string,
      string
    >[]
    expect(households).toHaveLength(3)
    expect(households[0]).toMatchObject({
      'Họ tên chủ hộ': TRICKY_NAME,
      'Địa chỉ (số nhà, xóm)': TRICKY_ADDRESS,
      'Ngày khảo sát': '2025-11-20',
      'Kết quả khảo sát': 'Hoàn thành',
    })
    const members = parse(await downloadBytes(staff, membersFile?.url ?? ''), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(members).toHaveLength(5)
    const ids = new Set(households.map((h) => h['Mã hộ']))
    expect(members.every((m) => ids.has(m['Mã hộ']))).toBe(true)
    expect(members[0]).toMatchObject({ 'Họ và tên': TRICKY_NAME, 'Chủ hộ': TRICKY_NAME })
  })

  it('filters by commune, village, visit result and visit dates', async () => {
    const idsOf = async (filter: Record<string, string>) => {
      const job = await exportAndWait(staff, { format: 'csv', filter })
      expect(job.filter).toMatchObject(filter)
      const rows = parse(await downloadBytes(staff, job.files[0]?.url ?? ''), {
        bom: true,
        columns: true,
      }) as Record<string, string>[]
      expect(job.householdsTotal).toBe(rows.length)
      return rows.map((r) => r['Mã hộ'])
    }
    const { tricky, absent, other, villages } = seeded
    expect(await idsOf({ communeCode: OTHER_COMMUNE })).toEqual([other.householdId])
    expect(await idsOf({ villageCode: villages.a2 })).toEqual([absent.householdId])
    expect(await idsOf({ visitResult: 'completed' })).toEqual([
      tricky.householdId,
      other.householdId,
    ])
    expect(await idsOf({ from: '2025-11-21', to: '2025-11-24' })).toEqual([
      absent.householdId,
      other.householdId,
    ])
    expect(await idsOf({ to: '2025-11-21' })).toEqual([tricky.householdId])
    expect(await idsOf({ communeCode: COMMUNE, visitResult: 'refused' })).toEqual([])
  })

  it('holds a commune viewer to their commune, and shows each person only their own exports', async () => {
    const job = await exportAndWait(viewer, { format: 'xlsx' })
    expect(job.filter).toEqual({ communeCode: COMMUNE })
    const workbook = await readWorkbook(await downloadBytes(viewer, job.files[0]?.url ?? ''))
    const households = sheetRecords(workbook, 'Hộ gia đình')
    expect(households.map((h) => h['Mã xã'])).toEqual([COMMUNE, COMMUNE])
    expect(sheetRecords(workbook, 'Chỉ số').some((r) => r.Cấp === 'Tỉnh')).toBe(false)

    for (const filter of [{ communeCode: OTHER_COMMUNE }, { villageCode: seeded.villages.b1 }]) {
      const refused = await viewer.post('/api/v1/exports', { format: 'csv', filter })
      expect(refused.status).toBe(403)
      expect(errorOf(refused).code).toBe('forbidden')
    }

    const theirs = dataOf('exports.list', await staff.get('/api/v1/exports')).items
    expect(theirs.length).toBeGreaterThan(0)
    const mine = dataOf('exports.list', await viewer.get('/api/v1/exports')).items
    expect(mine.map((j) => j.id)).toEqual([job.id])
    const staffJob = theirs[0]
    expect((await viewer.get(`/api/v1/exports/${staffJob?.id}`)).status).toBe(404)
    expect((await download(viewer, staffJob?.files[0]?.url ?? '')).status).toBe(404)
    expect((await getJson(t.url, `/api/v1/exports/${job.id}`)).status).toBe(401)
    const anonymous = await fetch(`${t.url}${job.files[0]?.url}`)
    expect(anonymous.status).toBe(401)
  })

  it('refuses unknown communes, a village outside the commune and bad dates', async () => {
    const bad = [
      { filter: { communeCode: '00004' }, status: 404 },
      { filter: { communeCode: COMMUNE, villageCode: seeded.villages.b1 }, status: 400 },
      { filter: { from: '2025-11-24', to: '2025-11-01' }, status: 400 },
      { filter: { colour: 'blue' }, status: 400 },
    ]
    for (const { filter, status } of bad) {
      const answer = await staff.post('/api/v1/exports', { format: 'xlsx', filter })
      expect(answer.status, JSON.stringify(filter)).toBe(status)
    }
  })

  it('records one audit entry per export, without personal data', async () => {
    const job = await exportAndWait(staff, {
      format: 'csv',
      filter: { communeCode: COMMUNE, from: '2025-11-01' },
    })
    const audit = dataOf('audit.list', await staff.get('/api/v1/audit?action=export.created'))
    const entry = audit.items.find((e) => e.targetId === job.id)
    expect(entry).toMatchObject({
      actorName: 'staff',
      targetType: 'export',
      communeCode: COMMUNE,
      details: { format: 'csv', communeCode: COMMUNE, from: '2025-11-01' },
    })
  })

  it('refuses a third unfinished export, and marks one no writer holds any more as interrupted', async () => {
    const { id: userId, client: busy } = await addUser(t, admin, {
      username: 'busy',
      role: 'province_staff',
    })
    const now = new Date(clock.now()).toISOString()
    const stuck = (id: string, status: 'queued' | 'running', at: string) => ({
      id,
      user_id: userId,
      user_name: 'busy',
      format: 'xlsx' as const,
      filter_json: '{}',
      status,
      phase: null,
      households_total: 0,
      households_written: 0,
      members_written: 0,
      members_total: 0,
      files_json: '[]',
      error_code: null,
      created_at: at,
      updated_at: at,
      finished_at: null,
      expires_at: null,
    })
    // Two exports another server process started: still moving a moment ago.
    const first = '019ab5e6-6c00-7000-8000-0000000e0001'
    const second = '019ab5e6-6c00-7000-8000-0000000e0002'
    await t.store.db
      .insertInto('export_jobs')
      .values([stuck(first, 'running', now), stuck(second, 'queued', now)])
      .execute()
    const refused = await busy.post('/api/v1/exports', { format: 'csv' })
    expect(refused.status).toBe(422)
    expect(errorOf(refused).code).toBe('export_busy')

    // Three minutes without a sign of life, and no writer here holds them: interrupted.
    clock.advance(3 * 60_000)
    const job = dataOf('exports.get', await busy.get(`/api/v1/exports/${first}`))
    expect(job).toMatchObject({ status: 'failed', error: 'interrupted', progress: 0 })
    const again = await exportAndWait(busy, { format: 'csv' })
    expect(again.status).toBe('done')
  })

  it('deletes an export with its files, and expires finished files after a day', async () => {
    const kept = await exportAndWait(staff, {
      format: 'csv',
      filter: { villageCode: seeded.villages.a1 },
    })
    const dropped = await exportAndWait(staff, {
      format: 'csv',
      filter: { villageCode: seeded.villages.b1 },
    })
    const folder = (id: string) => path.join(t.config.dataDir, 'exports', id)
    expect(existsSync(folder(dropped.id))).toBe(true)

    expect(
      dataOf('exports.delete', await staff.call('DELETE', `/api/v1/exports/${dropped.id}`)),
    ).toEqual({ deleted: true })
    expect(existsSync(folder(dropped.id))).toBe(false)
    expect((await staff.get(`/api/v1/exports/${dropped.id}`)).status).toBe(404)

    clock.advance(EXPORT_TTL_MS + 1000)
    // A day later the session has lapsed too: sign in again.
    dataOf('auth.signIn', await staff.signIn('staff', PASSWORD))
    const expired = dataOf('exports.get', await staff.get(`/api/v1/exports/${kept.id}`))
    expect(expired).toMatchObject({ status: 'expired', files: [] })
    expect(existsSync(folder(kept.id))).toBe(false)
    const gone = await download(staff, kept.files[0]?.url ?? '')
    expect(gone.status).toBe(422)
  })
})
