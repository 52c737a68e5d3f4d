import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import { TableNode } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCsvExport } from '../../../src/server/exports/csv-export.writer'
import { planExport } from '../../../src/server/exports/export-plan'
import { countHouseholds, householdChunks } from '../../../src/server/exports/export-source'
import type { WriteProgress } from '../../../src/server/exports/export-writer'
import { writeXlsxExport } from '../../../src/server/exports/xlsx-export.writer'
import { ManualClock } from '../../../src/shared/clock/clock'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import {
  FIXTURE_MS,
  makeBatch,
  makeHouseholdResponse,
  makeRevision,
} from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { COMMUNE, completeSetup } from '../auth/auth-test-kit'
import { createVillage, readWorkbook, sheetRecords } from './export-test-kit'

const HOUSEHOLDS = 3_000
const CHUNK = 250
const ROWS_PER_SHEET = 1_000

/** Records how many rows each query on the households table returned. */
class HouseholdReads implements KyselyPlugin {
  readonly rowCounts: number[] = []
  private readonly onHouseholds = new Set<unknown>()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node
    if (node.kind === 'SelectQueryNode') {
      const tables = (node.from?.froms ?? []).map((f) =>
        TableNode.is(f) ? f.table.identifier.name : '',
      )
      if (tables.includes('households')) this.onHouseholds.add(args.queryId)
    }
    return node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.onHouseholds.delete(args.queryId)) this.rowCounts.push(args.result.rows.length)
    return args.result
  }
}

describe.each(serverStores())('a few thousand households stream in chunks on $name', (variant) => {
  let t: TestServer
  let dir: string
  let villages: string[]

  beforeAll(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    const admin = await completeSetup(t)
    villages = [
      await createVillage(admin, COMMUNE, 'Thôn Một', 1200),
      await createVillage(admin, COMMUNE, 'Thôn Hai', 1200),
      await createVillage(admin, COMMUNE, 'Thôn Ba', 1200),
    ]
    const laptop = await HouseholdSeeder.enrol(t, admin)
    const revisions: HouseholdRevision[] = Array.from({ length: HOUSEHOLDS }, (_, i) => {
      const village = villages[i % villages.length] ?? ''
      return makeRevision({
        villageCode: village,
        response: makeHouseholdResponse({
          answers: { village, head_name: `Hộ số ${i + 1}, "thử"` },
        }),
      })
    })
    for (let at = 0; at < revisions.length; at += 500) {
      const receipt = await laptop.upload(makeBatch(revisions.slice(at, at + 500)))
      expect(receipt.accepted).toBe(500)
    }
    dir = await mkdtemp(path.join(tmpdir(), 'langso-export-'))
  })
  afterAll(async () => {
    await t?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const run = async (format: 'xlsx' | 'csv') => {
    const reads = new HouseholdReads()
    const db = t.store.db.withPlugin(reads)
    const plan = await planExport(db, {})
    const progress: WriteProgress[] = []
    const out = await mkdtemp(path.join(dir, `${format}-`))
    const input = {
      plan,
      chunks: householdChunks(db, {}, CHUNK),
      dir: out,
      baseName: 'thu',
      about: [],
      onProgress: async (p: WriteProgress) => {
        progress.push(p)
      },
    }
    const files =
      format === 'xlsx'
        ? await writeXlsxExport(input, { maxRowsPerSheet: ROWS_PER_SHEET })
        : await writeCsvExport(input)
    return { reads, progress, files, out }
  }

  it('reads the store one small page at a time and reports progress after each chunk', async () => {
    expect(await countHouseholds(t.store.db, {})).toBe(HOUSEHOLDS)
    const { reads, progress, files, out } = await run('csv')

    // No query ever returned more than a chunk, and together they returned every household.
    const pages = reads.rowCounts.slice(1) // the first one lists the villages
    expect(Math.max(...pages)).toBeLessThanOrEqual(CHUNK)
    expect(pages.reduce((a, b) => a + b, 0)).toBe(HOUSEHOLDS)
    expect(pages.length).toBeGreaterThanOrEqual(HOUSEHOLDS / CHUNK)

    const written = progress.map((p) => p.householdsWritten)
    expect(written.length).toBeGreaterThanOrEqual(HOUSEHOLDS / CHUNK)
    expect(written).toEqual([...written].sort((a, b) => a - b))
    expect(written.at(-1)).toBe(HOUSEHOLDS)

    expect(await readdir(out)).toEqual(files.map((f) => f.name).sort())
    const rows = parse(await readFile(path.join(out, files[0]?.name ?? '')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(rows).toHaveLength(HOUSEHOLDS)
    expect(new Set(rows.map((r) => r['Mã hộ'])).size).toBe(HOUSEHOLDS)
    expect(rows[0]?.['Họ tên chủ hộ']).toMatch(/^Hộ số \d+, "thử"$/)
  })

  it('continues a long table on further sheets and keeps every member keyed to a household', async () => {
    const { reads, progress, files, out } = await run('xlsx')
    expect(Math.max(...reads.rowCounts.slice(1))).toBeLessThanOrEqual(CHUNK)
    expect(progress.some((p) => p.phase === 'members' && p.membersTotal === HOUSEHOLDS * 2)).toBe(
      true,
    )
    // Nothing but the workbook is left: the members' spill file is gone.
    expect(await readdir(out)).toEqual([files[0]?.name])

    const workbook = await readWorkbook(await readFile(path.join(out, files[0]?.name ?? '')))
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Hộ gia đình',
      'Hộ gia đình (2)',
      'Hộ gia đình (3)',
      'Thành viên',
      'Thành viên (2)',
      'Thành viên (3)',
      'Thành viên (4)',
      'Thành viên (5)',
      'Thành viên (6)',
      'Chỉ số',
      'Thông tin',
    ])
    const households = ['Hộ gia đình', 'Hộ gia đình (2)', 'Hộ gia đình (3)'].flatMap((name) =>
      sheetRecords(workbook, name),
    )
    expect(households).toHaveLength(HOUSEHOLDS)
    const ids = new Set(households.map((h) => h['Mã hộ']))
    expect(ids.size).toBe(HOUSEHOLDS)
    const members = workbook.worksheets
      .filter((s) => s.name.startsWith('Thành viên'))
      .flatMap((s) => sheetRecords(workbook, s.name))
    expect(members).toHaveLength(HOUSEHOLDS * 2)
    expect(members.every((m) => ids.has(m['Mã hộ']))).toBe(true)
    // Village by village: each village's households come together.
    const villageOrder = households.map((h) => h['Mã thôn'])
    expect(villageOrder).toEqual([...villageOrder].sort())

    const coverage = sheetRecords(workbook, 'Chỉ số').find(
      (r) => r.Cấp === 'Tỉnh' && r['Mã chỉ số'] === 'coverage',
    )
    expect(coverage).toMatchObject({ 'Tử số': HOUSEHOLDS, 'Mẫu số': 3600 })
  })
})
