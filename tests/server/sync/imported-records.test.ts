import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/shared/clock/clock'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import {
  FIXTURE_DEVICE_ID,
  FIXTURE_MS,
  makeBatch,
  makeRevision,
  resetFixtureIds,
} from '../../support/household-fixtures'
import { HouseholdSeeder } from '../../support/seed-households'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import { type ConsoleClient, completeSetup } from '../auth/auth-test-kit'

/**
 * A console import answers per record (household, village, head's name, outcome, reason),
 * and a repeat — the same file again, or a lost answer retried — answers each record as it
 * was answered the first time: accepted ones are duplicates, rejected ones stay rejected.
 */
describe.each(serverStores())('per-record import results on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleClient
  let laptop: HouseholdSeeder
  const clock = new ManualClock(FIXTURE_MS)

  beforeEach(async () => {
    resetFixtureIds()
    t = await startTestServer(variant, { clock })
    admin = await completeSetup(t)
    laptop = await HouseholdSeeder.enrol(t, admin)
  })
  afterEach(async () => {
    await t?.close()
  })

  const good = () => makeRevision({ responseOverrides: { answers: { head_name: 'Lò Văn Páo' } } })
  const unknownVillage = () =>
    makeRevision({
      responseOverrides: { answers: { head_name: 'Hoàng Thị Nga', village: '00700-99' } },
    })
  const importBytes = async (bytes: Uint8Array) =>
    dataOf(
      'batches.importFile',
      await admin.post('/api/v1/batches/import', {
        fileName: 'lo.langso-batch',
        contentBase64: Buffer.from(bytes).toString('base64'),
      }),
    )

  it('lists every record with its household and outcome, rejected ones with the reason', async () => {
    const accepted = good()
    const rejected = unknownVillage()
    const result = await importBytes(laptop.seal(makeBatch([accepted, rejected])))

    expect(result.records).toEqual([
      {
        revisionId: accepted.id,
        householdId: accepted.householdId,
        villageCode: accepted.villageCode,
        villageName: null,
        headName: 'Lò Văn Páo',
        status: 'accepted',
        reason: null,
        issues: [],
      },
      expect.objectContaining({
        revisionId: rejected.id,
        householdId: rejected.householdId,
        headName: 'Hoàng Thị Nga',
        status: 'rejected',
        reason: 'validation_failed',
      }),
    ])
    // The manifest's form versions carry their titles, as staff know the forms.
    expect(result.manifest.forms).toEqual([
      {
        id: defaultHouseholdForm.id,
        version: defaultHouseholdForm.version,
        title: defaultHouseholdForm.title,
      },
    ])
    expect(result.records[1]?.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', questionId: 'village' }),
    )
  })

  it('answers a file imported again as the first time: rejected records stay rejected', async () => {
    const accepted = good()
    const rejected = unknownVillage()
    const bytes = laptop.seal(makeBatch([accepted, rejected]))
    const first = await importBytes(bytes)
    const again = await importBytes(bytes)

    expect(again.receipt).toMatchObject({ accepted: 0, duplicate: 1, rejected: 1 })
    expect(again.records.map((r) => [r.revisionId, r.status, r.reason])).toEqual([
      [accepted.id, 'duplicate', null],
      [rejected.id, 'rejected', 'validation_failed'],
    ])
    expect(again.receipt.outcomes[1]?.issues).toEqual(first.receipt.outcomes[1]?.issues)
    // The signed receipt the laptop carries back says the same.
    const signed = laptop.receiptOf(FIXTURE_DEVICE_ID, {
      status: 200,
      body: { ok: true, data: again.signedReceipt },
    })
    expect(signed.outcomes.map((o) => o.status)).toEqual(['duplicate', 'rejected'])
    const stored = await t.store.db.selectFrom('revisions').select('id').execute()
    expect(stored).toHaveLength(2)
  })

  it('answers a rejected revision sent again in another batch as rejected', async () => {
    const rejected = unknownVillage()
    expect((await laptop.upload(makeBatch([rejected]))).rejected).toBe(1)
    const retry = await laptop.upload(makeBatch([rejected, good()]))
    expect(retry).toMatchObject({ accepted: 1, duplicate: 0, rejected: 1 })
    expect(retry.outcomes[0]).toMatchObject({ status: 'rejected', reason: 'validation_failed' })
  })
})
