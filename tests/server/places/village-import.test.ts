import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PREVIEW_TTL_MS } from '../../../src/server/places/import/village-import.service'
import { MAX_UPLOAD_BYTES } from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import { csvUpload, xlsxUpload } from '../../fixtures/spreadsheet-files'
import { FIXTURE_MS } from '../../support/household-fixtures'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import { COMMUNE, type ConsoleClient, completeSetup, OTHER_COMMUNE } from '../auth/auth-test-kit'

const IMPORTS = '/api/v1/places/village-imports'
const commit = (previewId: string) => `${IMPORTS}/${previewId}/commit`

describe.each(serverStores())('village import on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  const clock = new ManualClock(FIXTURE_MS)

  beforeEach(async () => {
    clock.set(FIXTURE_MS)
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
  })
  afterEach(async () => {
    await t?.close()
  })

  const villages = () =>
    t.store.db
      .selectFrom('villages')
      .select(['code', 'name', 'registered_households', 'active'])
      .orderBy('code')
      .execute()
  const previews = async () =>
    (await t.store.db.selectFrom('import_previews').select('id').execute()).length
  const addVillage = async (commune: string, name: string, registeredHouseholds: number) =>
    dataOf(
      'places.createVillage',
      await admin.post(`/api/v1/places/communes/${commune}/villages`, {
        name,
        registeredHouseholds,
      }),
    )

  it('previews a CSV with row-level errors, writes nothing, and refuses to commit it', async () => {
    await addVillage(COMMUNE, 'Thôn Khuổi My', 120)
    const upload = csvUpload(
      'thon-xa.csv',
      [
        ['Mã xã', 'Thôn/Tổ dân phố', 'Số hộ'],
        ['00700', 'Thôn Khuổi My', 130],
        ['700', 'Thôn Tả Lủng', 80],
        ['00706', 'Tổ dân phố 1', '1.250'],
        ['00004', 'Thôn Hà Nội', 10],
        ['99999', 'Thôn X', 10],
        ['00700', '', 5],
        ['00700', 'thon ta  lung', 3],
        ['00700', 'Thôn Nà Thác', 'abc'],
        ['00700', 'Thôn Nà Thác 2', -3],
        [null, null, null],
        ['00700', 'Thôn Làng Mới', null],
      ],
      { separator: ';', bom: true },
    )

    const preview = dataOf('places.importVillagesPreview', await admin.post(IMPORTS, upload))

    expect(preview.fileName).toBe('thon-xa.csv')
    expect(preview.expiresAt).toBe(new Date(FIXTURE_MS + PREVIEW_TTL_MS).toISOString())
    expect(preview.totals).toEqual({ rows: 10, create: 3, update: 1, unchanged: 0, withErrors: 6 })
    const summary = preview.rows.map((r) => [r.rowNumber, r.action, r.errors.map((e) => e.code)])
    expect(summary).toEqual([
      [2, 'update', []],
      [3, 'create', []],
      [4, 'create', []],
      [5, null, ['commune_outside_province']],
      [6, null, ['unknown_commune']],
      [7, null, ['blank_name']],
      [8, null, ['duplicate_in_file']],
      [9, null, ['bad_number']],
      [10, null, ['bad_number']],
      [12, 'create', []],
    ])
    expect(preview.rows[0]).toMatchObject({
      communeCode: COMMUNE,
      communeName: 'Xã Ngọc Đường',
      villageName: 'Thôn Khuổi My',
      registeredHouseholds: 130,
      villageCode: '00700-01',
    })
    expect(preview.rows[1]).toMatchObject({ communeCode: COMMUNE, villageCode: null })
    expect(preview.rows[2]).toMatchObject({
      communeCode: OTHER_COMMUNE,
      registeredHouseholds: 1250,
    })
    expect(preview.rows[3]?.errors[0]).toMatchObject({ column: 'Mã xã' })
    expect(preview.rows[3]?.errors[0]?.message).toContain('Thành phố Hà Nội')
    expect(preview.rows[6]?.errors[0]).toMatchObject({ column: 'Thôn/Tổ dân phố' })
    expect(preview.rows[6]?.errors[0]?.message).toContain('row 3')
    expect(preview.rows[7]?.errors[0]).toMatchObject({ column: 'Số hộ' })
    expect(preview.rows[9]).toMatchObject({ registeredHouseholds: null, action: 'create' })

    expect(await villages()).toHaveLength(1)
    expect(await previews()).toBe(1)
    const refused = await admin.post(commit(preview.previewId))
    expect(refused.status).toBe(400)
    expect(errorOf(refused).code).toBe('invalid_input')
    expect(await villages()).toEqual([
      { code: '00700-01', name: 'Thôn Khuổi My', registered_households: 120, active: 1 },
    ])
  })

  it('commits a clean CSV in one go, audited, and forgets the preview', async () => {
    const khuoi = await addVillage(COMMUNE, 'Thôn Khuổi My', 120)
    dataOf(
      'places.deactivateVillage',
      await admin.post(`/api/v1/places/villages/${khuoi.code}/deactivate`),
    )
    const upload = csvUpload('villages.csv', [
      ['Xã', 'Thôn/Tổ dân phố', 'Số hộ'],
      ['Ngọc Đường', 'thôn khuổi my', null],
      ['Xã Ngọc Đường', 'Thôn Tả Lủng', 80],
      ['ngoc duong', 'Thôn Nà Thác', '95'],
      ['Phường Hà Giang 1', 'Tổ 5', 60],
    ])
    const preview = dataOf('places.importVillagesPreview', await admin.post(IMPORTS, upload))
    expect(preview.totals).toEqual({ rows: 4, create: 3, update: 1, unchanged: 0, withErrors: 0 })

    const result = dataOf(
      'places.importVillagesCommit',
      await admin.post(commit(preview.previewId)),
    )

    expect(result).toEqual({ created: 3, updated: 1, unchanged: 0 })
    expect(await villages()).toEqual([
      { code: '00694-01', name: 'Tổ 5', registered_households: 60, active: 1 },
      { code: '00700-01', name: 'Thôn Khuổi My', registered_households: 120, active: 1 },
      { code: '00700-02', name: 'Thôn Tả Lủng', registered_households: 80, active: 1 },
      { code: '00700-03', name: 'Thôn Nà Thác', registered_households: 95, active: 1 },
    ])
    expect(await previews()).toBe(0)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['target_id', 'commune_code', 'details_json'])
      .where('action', '=', 'places.villages_imported')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.target_id).toBe(preview.previewId)
    expect(audit[0]?.commune_code).toBeNull()
    expect(JSON.parse(audit[0]?.details_json ?? '{}')).toEqual({
      rows: 4,
      communes: 2,
      created: 3,
      updated: 1,
      unchanged: 0,
    })
    const again = await admin.post(commit(preview.previewId))
    expect(again.status).toBe(404)
    expect(await villages()).toHaveLength(4)
  })

  it('imports an XLSX for one commune, applied against the villages as they are at commit', async () => {
    await addVillage(COMMUNE, 'Thôn Khuổi My', 120)
    const upload = await xlsxUpload('thon.xlsx', {
      'Danh sách thôn': [
        ['Thôn/Tổ dân phố', 'Số hộ'],
        ['Thôn Khuổi My', 120],
        ['Thôn Tả Lủng', 80],
        ['Thôn Nà Thác', 95],
      ],
    })
    const preview = dataOf(
      'places.importVillagesPreview',
      await admin.post(IMPORTS, { ...upload, communeCode: COMMUNE }),
    )
    expect(preview.rows.map((r) => [r.villageName, r.action, r.registeredHouseholds])).toEqual([
      ['Thôn Khuổi My', 'unchanged', 120],
      ['Thôn Tả Lủng', 'create', 80],
      ['Thôn Nà Thác', 'create', 95],
    ])
    // Someone adds one of the file's villages by hand before the commit.
    await addVillage(COMMUNE, 'Thôn Nà Thác', 90)

    const result = dataOf(
      'places.importVillagesCommit',
      await admin.post(commit(preview.previewId)),
    )

    expect(result).toEqual({ created: 1, updated: 1, unchanged: 1 })
    expect((await villages()).map((v) => [v.code, v.name, v.registered_households])).toEqual([
      ['00700-01', 'Thôn Khuổi My', 120],
      ['00700-02', 'Thôn Nà Thác', 95],
      ['00700-03', 'Thôn Tả Lủng', 80],
    ])

    const mismatch = await xlsxUpload('khac.xlsx', {
      Sheet1: [
        ['Mã xã', 'Thôn'],
        [OTHER_COMMUNE, 'Thôn Mới'],
      ],
    })
    const refused = dataOf(
      'places.importVillagesPreview',
      await admin.post(IMPORTS, { ...mismatch, communeCode: COMMUNE }),
    )
    expect(refused.rows[0]?.errors.map((e) => e.code)).toEqual(['commune_mismatch'])
  })

  it('refuses oversize, garbage and unreadable uploads with a clear error and writes nothing', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'a').toString('base64')
    const cases: { body: unknown; status: number; code: string }[] = [
      { body: { fileName: 'big.csv', contentBase64: big }, status: 413, code: 'payload_too_large' },
      {
        body: {
          fileName: 'rac.xlsx',
          contentBase64: Buffer.from('not a workbook').toString('base64'),
        },
        status: 422,
        code: 'invalid_file',
      },
      {
        body: {
          fileName: 'latin1.csv',
          contentBase64: Buffer.from('X\xe3,Th\xf4n\n', 'latin1').toString('base64'),
        },
        status: 422,
        code: 'invalid_file',
      },
      {
        body: csvUpload('thieu-cot.csv', [
          ['Mã xã', 'Tên'],
          ['00700', 'Thôn A'],
        ]),
        status: 422,
        code: 'invalid_file',
      },
      {
        body: csvUpload('chi-tieu-de.csv', [['Mã xã', 'Thôn/Tổ dân phố']]),
        status: 422,
        code: 'invalid_file',
      },
      {
        body: {
          fileName: 'broken.csv',
          contentBase64: Buffer.from('Mã xã,Thôn\n00700,"Thôn A\n').toString('base64'),
        },
        status: 422,
        code: 'invalid_file',
      },
      {
        body: csvUpload('villages.txt', [['Thôn'], ['A']]),
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        body: csvUpload('../../etc/villages.csv', [['Thôn'], ['A']]),
        status: 400,
        code: 'invalid_input',
      },
      {
        body: { fileName: 'a.csv', contentBase64: '%%% not base64 %%%' },
        status: 400,
        code: 'invalid_input',
      },
    ]
    for (const { body, status, code } of cases) {
      const answer = await admin.post(IMPORTS, body)
      const name = (body as { fileName: string }).fileName
      expect(answer.status, name).toBe(status)
      expect(errorOf(answer).code, name).toBe(code)
    }
    const zipped = await xlsxUpload('as-csv.csv', { Sheet1: [['Thôn'], ['A']] })
    expect(errorOf(await admin.post(IMPORTS, zipped)).code).toBe('invalid_file')
    expect(await previews()).toBe(0)
    expect(await villages()).toEqual([])
  })

  it('refuses to commit a preview that has expired', async () => {
    const upload = csvUpload('v.csv', [
      ['Mã xã', 'Thôn'],
      ['00700', 'Thôn A'],
    ])
    const preview = dataOf('places.importVillagesPreview', await admin.post(IMPORTS, upload))
    clock.advance(PREVIEW_TTL_MS + 1)
    const late = await admin.post(commit(preview.previewId))
    expect(errorOf(late).code).toBe('preview_expired')
    expect(await villages()).toEqual([])
    // The next preview sweeps expired ones away.
    dataOf('places.importVillagesPreview', await admin.post(IMPORTS, upload))
    expect(await previews()).toBe(1)
  })
})
