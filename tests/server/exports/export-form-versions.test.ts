import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type {
  FormDefinition,
  Group,
  Question,
} from '../../../src/shared/forms/form-definition.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { FIXTURE_MS, makeBatch, makeRevision } from '../../support/household-fixtures'
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

/** Version 2 rewords the internet question and its fibre choice, and asks about a computer. */
function versionTwo(): FormDefinition {
  const form = structuredClone(defaultHouseholdForm)
  const details = form.sections[0]?.items.find((i) => i.id === 'household_details') as Group
  const internet = details.items.find((i) => i.id === 'h_internet') as Question
  internet.label = { vi: 'Internet cáp tại nhà', en: 'Wired internet at home' }
  internet.choices = (internet.choices ?? []).map((c) =>
    c.value === 'fibre' ? { ...c, label: { vi: 'Cáp quang', en: 'Fibre' } } : c,
  )
  details.items.splice(2, 0, {
    kind: 'question',
    id: 'h_computer',
    type: 'yes_no',
    label: { vi: 'Hộ có máy tính', en: 'Household has a computer' },
    required: true,
  })
  return { ...form, version: 2 }
}

describe.each(serverStores())('exports across form versions on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  let older: HouseholdRevision
  let newer: HouseholdRevision

  beforeAll(async () => {
    t = await startTestServer(variant, { clock: new ManualClock(FIXTURE_MS) })
    admin = await completeSetup(t)
    const village = await createVillage(admin, COMMUNE, 'Thôn Khuổi My', 10)
    const published = versionTwo()
    dataOf(
      'forms.publish',
      await admin.post(`/api/v1/forms/${published.id}/versions`, { definition: published }),
    )
    const answers = { village, h_internet: 'fibre' }
    older = makeRevision({ villageCode: village, responseOverrides: { answers } })
    newer = makeRevision({
      villageCode: village,
      formVersion: 2,
      responseOverrides: { answers: { ...answers, h_computer: false } },
    })
    const laptop = await HouseholdSeeder.enrol(t, admin)
    const receipt = await laptop.upload(makeBatch([older, newer]), { forms: [published] })
    expect(receipt.accepted).toBe(2)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("heads columns with the newest wording and shows each record's codes in its own version's words", async () => {
    const job = await exportAndWait(admin, { format: 'xlsx' })
    const workbook = await readWorkbook(await downloadBytes(admin, job.files[0]?.url ?? ''))
    const rows = sheetRecords(workbook, 'Hộ gia đình')
    const byId = new Map(rows.map((r) => [r['Mã hộ'], r]))
    expect(byId.get(older.householdId)).toMatchObject({
      'Phiên bản phiếu': 1,
      'Internet cáp tại nhà': 'Cáp quang (FTTH)',
      'Hộ có máy tính': null,
    })
    expect(byId.get(newer.householdId)).toMatchObject({
      'Phiên bản phiếu': 2,
      'Internet cáp tại nhà': 'Cáp quang',
      'Hộ có máy tính': 'Không',
    })
    expect(Object.keys(rows[0] ?? {})).not.toContain('Internet cố định tại nhà')
  })
})
