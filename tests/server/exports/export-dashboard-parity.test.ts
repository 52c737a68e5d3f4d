import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
import { dataOf } from '../api-client'
import { COMMUNE, type ConsoleClient, completeSetup } from '../auth/auth-test-kit'
import {
  createVillage,
  downloadBytes,
  exportAndWait,
  readWorkbook,
  sheetRecords,
} from './export-test-kit'

/**
 * The indicators sheet and the dashboard count the same way: a household with its latest
 * completed visit, even when a later visit found nobody at home.
 */
describe.each(serverStores())('export indicators equal the dashboard on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  let revisited: HouseholdRevision

  beforeAll(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    admin = await completeSetup(t)
    const villages = [
      await createVillage(admin, COMMUNE, 'Thôn Khuổi My', 25),
      await createVillage(admin, COMMUNE, 'Thôn Tả Lủng', 15),
    ]
    const first: HouseholdRevision[] = Array.from({ length: 12 }, (_, i) => {
      const village = villages[i % 2] ?? ''
      return makeRevision({
        villageCode: village,
        visitDate: `2025-10-${String(10 + i).padStart(2, '0')}`,
        response: makeHouseholdResponse({
          answers: {
            village,
            head_name: `Chủ hộ ${i}`,
            h_internet: i % 3 === 0 ? 'none' : 'fibre',
            ...(i === 11 ? { visit_result: 'refused', consent: undefined } : {}),
          },
          members: [
            { m_support_given: i % 2 === 0 ? ['install_vneid'] : [] },
            {
              relation: 'spouse',
              birth_year: 1950 + i,
              m_phone: i % 4 === 0 ? 'basic' : 'smartphone',
            },
          ],
        }),
      })
    })
    const [head] = first
    if (!head) throw new Error('no household')
    // Visited again a month later: nobody at home. It still counts with its completed visit.
    revisited = makeRevision({
      householdId: head.householdId,
      baseRevisionId: head.id,
      villageCode: head.villageCode,
      visitDate: '2025-11-20',
      savedAtMs: FIXTURE_MS + 86_400_000,
      response: {
        answers: { village: head.villageCode, head_name: 'Chủ hộ 0', visit_result: 'absent' },
        repeats: {},
      },
    })
    const laptop = await HouseholdSeeder.enrol(t, admin)
    expect((await laptop.upload(makeBatch(first))).accepted).toBe(12)
    expect((await laptop.upload(makeBatch([revisited]))).accepted).toBe(1)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('gives the province and each commune the figures the dashboard shows', async () => {
    const job = await exportAndWait(admin, { format: 'xlsx' })
    const workbook = await readWorkbook(await downloadBytes(admin, job.files[0]?.url ?? ''))
    const households = sheetRecords(workbook, 'Hộ gia đình')
    expect(households.find((h) => h['Mã hộ'] === revisited.householdId)?.['Kết quả khảo sát']).toBe(
      'Vắng nhà',
    )

    const sheet = sheetRecords(workbook, 'Chỉ số')
    const dashboard = dataOf('indicators.province', await admin.get('/api/v1/indicators/province'))
    const compare = (level: string, code: string | null, values: typeof dashboard.totals) => {
      const key = level === 'Thôn' ? 'Mã thôn' : 'Mã xã'
      for (const value of values.indicators) {
        if (value.kind === 'ratio') {
          const row = sheet.find(
            (r) =>
              r.Cấp === level && (code === null || r[key] === code) && r['Mã chỉ số'] === value.id,
          )
          expect(row, `${level} ${code} ${value.id}`).toMatchObject({
            'Tử số': value.numerator,
            'Mẫu số': value.denominator,
          })
        } else {
          for (const [kind, count] of Object.entries(value.counts ?? {})) {
            const row = sheet.find(
              (r) =>
                r.Cấp === level &&
                (code === null || r[key] === code) &&
                r['Mã chỉ số'] === `${value.id}.${kind}`,
            )
            expect(row?.['Tử số'], `${level} ${code} ${value.id}.${kind}`).toBe(count)
          }
        }
      }
    }
    compare('Tỉnh', null, dashboard.totals)
    for (const commune of dashboard.places) {
      compare('Xã', commune.code, commune)
      const villages = dataOf(
        'indicators.commune',
        await admin.get(`/api/v1/indicators/communes/${commune.code}`),
      )
      expect(villages.places).toHaveLength(2)
      for (const village of villages.places) compare('Thôn', village.code, village)
    }
    // Eleven completed households: the revisited one counts, the refusal does not.
    expect(dashboard.totals.indicators.find((v) => v.id === 'coverage')).toMatchObject({
      numerator: 11,
      denominator: 40,
    })
  })
})
