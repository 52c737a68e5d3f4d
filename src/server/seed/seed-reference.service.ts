import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import { passwordSchema, usernameSchema } from '../../shared/api/http/auth.contract'
import type { VillageImportRow } from '../../shared/api/http/places.contract'
import type { ManualClock } from '../../shared/clock/clock'
import { newId } from '../../shared/ids/uuid'
import { villageNameKey } from '../../shared/places/village-name'
import { type AuditActor, recordAudit } from '../audit/audit.service'
import { hashPassword } from '../auth/password-hash'
import { firstAdminRow, setUpServer } from '../auth/setup.service'
import { findDevice } from '../devices/device.repository'
import { enrolDevice } from '../devices/device-enrolment.service'
import { createEnrolmentCode } from '../devices/enrolment-codes.service'
import type { Caller } from '../http/request-context'
import { applyVillageRows } from '../places/import/village-import.apply'
import { findProvince, type OfficialProvince } from '../places/official-units'
import { villagesOf } from '../places/village.repository'
import type { ServerContext } from '../server-context'
import { getProvinceCode } from '../settings/server-settings'
import { countUsers } from '../users/user.repository'
import { type CommunePlan, withVillageCodes } from './province-plan'
import { SeedError } from './seed-errors'
import { DAY_MS } from './visit-times'

/**
 * The reference data a generated province needs, written through the server's own code:
 * first-run setup (when the store has no province yet), the villages by the village
 * import's apply step, and one laptop per area enrolled with an enrolment code made by the
 * province admin and redeemed by the laptop, as in the console.
 */

/** The seeder acts as this in the audit log. */
export const SEED_ACTOR: AuditActor = { kind: 'cli', id: null, name: 'seed:province' }

/** A seeding context: the store, with the simulated clock the seeder moves along. */
export interface SeedContext extends ServerContext {
  clock: ManualClock
}

export interface ProvinceSetup {
  province: OfficialProvince
  /** The province admin whose enrolment codes the laptops redeem (null if there is none). */
  admin: { id: string; username: string } | null
  /** Set when this run did first-run setup: the admin it created and the password. */
  created: { username: string; password: string; generated: boolean } | null
}

export interface SetupOptions {
  provinceCode: string | undefined
  adminUsername: string
  adminPassword: string | undefined
}

/** The store's province, set up first (like the setup page) when it has none. */
export async function ensureProvince(
  ctx: SeedContext,
  options: SetupOptions,
): Promise<ProvinceSetup> {
  const current = await getProvinceCode(ctx.db)
  if (current) {
    if (options.provinceCode && options.provinceCode !== current) {
      throw new SeedError(
        'seed_province_mismatch',
        `This store serves province ${current}, not ${options.provinceCode}`,
      )
    }
    const province = findProvince(current)
    if (!province) throw new SeedError('seed_province_unknown', `No official province ${current}`)
    return { province, admin: await firstAdmin(ctx), created: null }
  }
  if ((await countUsers(ctx.db)) > 0) {
    throw new SeedError('seed_setup_incomplete', 'The store has users but no province')
  }
  const code = options.provinceCode ?? '08'
  const province = findProvince(code)
  if (!province) throw new SeedError('seed_province_unknown', `No official province ${code}`)
  const username = parseOr(usernameSchema, options.adminUsername, 'admin-username')
  const generated = options.adminPassword === undefined
  const password = generated
    ? randomBytes(12).toString('base64url')
    : parseOr(passwordSchema, options.adminPassword, 'admin-password')
  const row = firstAdminRow(
    newId(),
    { username, displayName: 'Quản trị tỉnh' },
    await hashPassword(password),
    new Date(ctx.clock.now()).toISOString(),
  )
  const audit = { clock: ctx.clock, caller: { kind: 'anonymous' } as const }
  await ctx.db
    .transaction()
    .execute((trx) => setUpServer(trx, audit, province.code, row, SEED_ACTOR))
  return { province, admin: { id: row.id, username }, created: { username, password, generated } }
}

function parseOr<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new SeedError('seed_invalid_option', `--${option} is not valid`)
  return parsed.data
}

async function firstAdmin(ctx: SeedContext): Promise<{ id: string; username: string } | null> {
  const row = await ctx.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('role', '=', 'province_admin')
    .where('disabled', '=', 0)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  return row ?? null
}

/**
 * Creates (or updates) the plan's villages in one transaction through the village import's
 * apply step, and answers the plans with the codes the store gave them.
 */
export async function storeVillages(
  ctx: SeedContext,
  plans: readonly CommunePlan[],
): Promise<CommunePlan[]> {
  const rows: VillageImportRow[] = plans.flatMap((plan) =>
    plan.villages.map((village, i) => ({
      rowNumber: i + 2,
      communeCode: plan.commune.code,
      communeName: plan.commune.name,
      villageName: village.name,
      registeredHouseholds: village.registered,
      action: 'create' as const,
      villageCode: null,
      errors: [],
    })),
  )
  const now = new Date(ctx.clock.now()).toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const counts = await applyVillageRows(trx, rows, now)
    await recordAudit(
      trx,
      { clock: ctx.clock, caller: { kind: 'anonymous' } },
      {
        action: 'places.villages_imported',
        targetType: 'village_import',
        details: { rows: rows.length, communes: plans.length, ...counts },
        actor: SEED_ACTOR,
      },
    )
  })
  const recoded: CommunePlan[] = []
  for (const plan of plans) {
    const codes = new Map(
      (await villagesOf(ctx.db, plan.commune.code)).map((v) => [v.name_key, v.code]),
    )
    const missing = plan.villages.find((v) => !codes.has(villageNameKey(v.name)))
    if (missing) throw new Error(`Village ${missing.name} of ${plan.commune.code} was not stored`)
    recoded.push(withVillageCodes(plan, codes))
  }
  return recoded
}

/**
 * Enrols each area's laptop as the console does: a province admin makes an enrolment code
 * for the commune, the laptop redeems it a few minutes later. A laptop already enrolled
 * with the same key (a store seeded before) is left as it is.
 * @returns how many laptops were enrolled by this run
 */
export async function enrolLaptops(
  ctx: SeedContext,
  plans: readonly CommunePlan[],
  admin: ProvinceSetup['admin'],
  serverUrl: string,
): Promise<number> {
  const staff: Caller = admin
    ? {
        kind: 'user',
        userId: admin.id,
        username: admin.username,
        role: 'province_admin',
        communeCode: null,
        sessionId: 'seed',
      }
    : { kind: 'anonymous' }
  let enrolled = 0
  for (const plan of plans) {
    for (const { device } of plan.areas) {
      const existing = await findDevice(ctx.db, device.id)
      if (existing?.public_key === device.publicKey && existing.status === 'active') continue
      ctx.clock.set(device.enrolledAtMs - 10 * 60_000)
      const code = await createEnrolmentCode(
        { ...ctx, caller: staff },
        { communeCode: plan.commune.code, validHours: 72, serverUrl },
      )
      ctx.clock.set(device.enrolledAtMs)
      await enrolDevice(
        { ...ctx, caller: { kind: 'anonymous' } },
        {
          code: code.code,
          deviceId: device.id,
          deviceName: device.name,
          publicKey: device.publicKey,
        },
      )
      enrolled += 1
    }
  }
  return enrolled
}

/** Setup happens a month before the campaign, the villages three weeks before. */
export const SETUP_LEAD_MS = 30 * DAY_MS
export const VILLAGES_LEAD_MS = 21 * DAY_MS
