import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../../src/server/auth/password-hash'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import { planProvince } from '../../../src/server/seed/province-plan'
import { SeedError } from '../../../src/server/seed/seed-errors'
import { type SeedReport, seedProvince } from '../../../src/server/seed/seed-province.service'
import type { ServerContext } from '../../../src/server/server-context'
import { getProvinceCode } from '../../../src/server/settings/server-settings'
import { openServerDatabase, type ServerStore } from '../../../src/server/store/server-database'
import { ManualClock } from '../../../src/shared/clock/clock'
import {
  type ServerStoreVariant,
  serverStores,
  type TestStoreConfig,
} from '../../support/server-stores'
import { BASE_PLAN } from './seed-kit'

const OPTIONS = { households: 400, communes: 2, seed: BASE_PLAN.seed, provinceCode: '08' } as const

interface OpenStore {
  ctx: ServerContext
  store: ServerStore
  made: TestStoreConfig
}

async function openStore(variant: ServerStoreVariant): Promise<OpenStore> {
  const made = await variant.createConfig()
  const store = await openServerDatabase(made.config)
  const clock = new ManualClock(Date.parse('2026-01-05T02:00:00Z'))
  const provinceKeys = await loadOrCreateProvinceKeys(made.config.dataDir, clock)
  return { ctx: { db: store.db, dialect: store.dialect, clock, provinceKeys }, store, made }
}

const count = async (
  open: OpenStore,
  table: 'households' | 'members' | 'visits' | 'revisions' | 'batches' | 'devices' | 'villages',
) =>
  Number(
    (
      await open.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

/** The revision log as stored, for byte-for-byte comparison of two stores. */
const revisionLog = (open: OpenStore) =>
  open.ctx.db
    .selectFrom('revisions')
    .select(['id', 'payload_json', 'status', 'received_at'])
    .orderBy('id')
    .execute()

describe.each(serverStores())('seeding a province on $name', (variant) => {
  let first: OpenStore
  let second: OpenStore
  let report: SeedReport
  beforeAll(async () => {
    first = await openStore(variant)
    second = await openStore(variant)
    report = await seedProvince(first.ctx, { ...OPTIONS, adminPassword: 'mat-khau-kiem-thu-2025' })
  }, 120_000)
  afterAll(async () => {
    for (const open of [first, second]) {
      await open?.store.close()
      await open?.made.dispose()
    }
  })

  it('sets the province up like first-run setup, with the given admin password', async () => {
    expect(await getProvinceCode(first.ctx.db)).toBe('08')
    expect(report.setup).toEqual({
      username: 'quantri',
      password: 'mat-khau-kiem-thu-2025',
      generated: false,
    })
    const admin = await first.ctx.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
    expect(admin.role).toBe('province_admin')
    expect(await verifyPassword('mat-khau-kiem-thu-2025', admin.password_hash)).toBe(true)
  })

  it('stores the planned villages, one enrolled laptop per area, and every household', async () => {
    const plan = planProvince({ ...BASE_PLAN, ...OPTIONS })
    const planned = plan.communes.flatMap((c) => c.villages)
    expect(report.households).toBe(400)
    expect(await count(first, 'villages')).toBe(planned.length)
    const villages = await first.ctx.db.selectFrom('villages').selectAll().orderBy('code').execute()
    expect(villages.map((v) => [v.code, v.name, v.registered_households])).toEqual(
      planned
        .map((v) => [v.code, v.name, v.registered])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    )
    const devices = await first.ctx.db.selectFrom('devices').selectAll().execute()
    expect(devices).toHaveLength(report.laptops)
    expect(report.laptopsEnrolled).toBe(report.laptops)
    expect(devices.every((d) => d.status === 'active' && d.last_sync_at !== null)).toBe(true)
    const codes = await first.ctx.db.selectFrom('enrolment_codes').selectAll().execute()
    expect(codes.every((c) => c.used_at !== null && c.device_id !== null)).toBe(true)

    expect(await count(first, 'households')).toBe(400)
    expect(await count(first, 'members')).toBe(report.members)
    expect(await count(first, 'visits')).toBe(report.visits)
    expect(await count(first, 'batches')).toBe(report.batches)
    expect(report.accepted).toBe(report.revisions)
    const statuses = await first.ctx.db
      .selectFrom('revisions')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute()
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['accepted', report.revisions]])
  })

  it('leaves each household at the end of its chain of revisions', async () => {
    const households = await first.ctx.db
      .selectFrom('households')
      .select(['id', 'revision_id', 'merged'])
      .execute()
    const revisions = await first.ctx.db
      .selectFrom('revisions')
      .select(['id', 'household_id', 'base_revision_id', 'hlc'])
      .orderBy('hlc')
      .execute()
    const lastOf = new Map<string, string>()
    const byId = new Map(revisions.map((r) => [r.id, r]))
    for (const r of revisions) {
      if (r.base_revision_id)
        expect(byId.get(r.base_revision_id)?.household_id).toBe(r.household_id)
      lastOf.set(r.household_id, r.id)
    }
    for (const h of households) {
      expect(h.revision_id).toBe(lastOf.get(h.id))
      expect(Number(h.merged)).toBe(0)
    }
    const clockBehind = await first.ctx.db
      .selectFrom('batches')
      .select('id')
      .where('clock_behind', '=', 1)
      .execute()
    expect(clockBehind).toEqual([])
  })

  it('stores the same data byte for byte from the same options, and a second run adds nothing', async () => {
    await seedProvince(second.ctx, { ...OPTIONS, adminPassword: 'mat-khau-khac-2025' })
    expect(await revisionLog(second)).toEqual(await revisionLog(first))
    const again = await seedProvince(first.ctx, OPTIONS)
    expect(again.setup).toBeNull()
    expect(again.laptopsEnrolled).toBe(0)
    expect(again.accepted).toBe(0)
    expect(again.duplicate).toBe(report.revisions)
    expect(await count(first, 'households')).toBe(400)
    expect(await count(first, 'villages')).toBe(report.villages)
  })

  it('refuses a province other than the store’s', async () => {
    await expect(seedProvince(first.ctx, { ...OPTIONS, provinceCode: '01' })).rejects.toThrow(
      SeedError,
    )
  })
})
