import type { Kysely, Transaction } from 'kysely'
import type { HttpInput } from '../../shared/api/http.contract'
import type { Clock } from '../../shared/clock/clock'
import { newId } from '../../shared/ids/uuid'
import { AppError } from '../../shared/result'
import { type AuditActor, type AuditContext, recordAudit } from '../audit/audit.service'
import type { RequestContext } from '../http/request-context'
import {
  officialProvince,
  officialProvinces,
  type ProvinceChoice,
} from '../settings/official-provinces'
import { insertSettingOnce, SETTING_KEYS, setProvinceCode } from '../settings/server-settings'
import type { ServerDatabase } from '../store/server-database.types'
import { isUniqueViolation } from '../users/unique-violation'
import { countUsers, insertUser, usernameKey } from '../users/user.repository'
import type { UserTable } from './auth.tables'
import { ConflictError } from './auth-errors'
import { hashPassword } from './password-hash'
import { hashSecretToken, newSecretToken } from './secret-token'
import { startSession } from './session.service'
import { DEFAULT_SESSION_POLICY } from './session-policy'
import type { SignedIn } from './sign-in.service'

/** A setup link is good for a day; a restart (or `setup:link`) prints a new one. */
export const SETUP_TOKEN_TTL_MS = 24 * 3600_000

/** The server already has users: first-run setup is over. HTTP 409. */
export class AlreadySetUpError extends ConflictError {
  constructor() {
    super('already_set_up', 'This server has already been set up')
  }
}

/** The setup link's token is unknown, used or expired: HTTP 403. */
export class SetupTokenInvalidError extends AppError {
  constructor() {
    super('setup_token_invalid', 'The setup link is not valid or has expired')
    this.name = 'SetupTokenInvalidError'
  }
}

/** The province code is not one of the 34 official provinces: HTTP 400. */
export class InvalidProvinceError extends AppError {
  constructor() {
    super('invalid_province', 'Not an official province code')
    this.name = 'InvalidProvinceError'
  }
}

/**
 * Makes a new one-time setup token while the store has no users (null otherwise). Only
 * its hash is stored, so each start makes a fresh one to print; older ones simply expire.
 */
export async function issueSetupToken(
  db: Kysely<ServerDatabase>,
  clock: Clock,
): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null
  const token = newSecretToken()
  const now = clock.now()
  await db
    .insertInto('setup_tokens')
    .values({
      id: newId(),
      token_hash: hashSecretToken(token),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + SETUP_TOKEN_TTL_MS).toISOString(),
    })
    .execute()
  return token
}

/** Whether setup is needed, the provinces to choose from, and whether a given token is good. */
export async function setupStatus(
  db: Kysely<ServerDatabase>,
  clock: Clock,
  token?: string,
): Promise<{ needed: boolean; tokenValid: boolean | null; provinces: ProvinceChoice[] }> {
  const needed = (await countUsers(db)) === 0
  const tokenValid = token === undefined ? null : needed && (await isLiveToken(db, clock, token))
  return { needed, tokenValid, provinces: needed ? officialProvinces() : [] }
}

async function isLiveToken(db: Kysely<ServerDatabase>, clock: Clock, token: string) {
  const row = await db
    .selectFrom('setup_tokens')
    .select('id')
    .where('token_hash', '=', hashSecretToken(token))
    .where('expires_at', '>', new Date(clock.now()).toISOString())
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Completes first-run setup: checks the token, stores the province, creates the first
 * province admin, consumes every setup token and signs the new admin in — all in one
 * transaction. A second attempt, even racing the first, gets `already_set_up`.
 */
export async function completeSetup(
  ctx: RequestContext,
  input: HttpInput<'setup.complete'>,
): Promise<SignedIn> {
  const province = officialProvince(input.provinceCode)
  if (!province) throw new InvalidProvinceError()
  if ((await countUsers(ctx.db)) > 0) throw new AlreadySetUpError()
  const passwordHash = await hashPassword(input.password)
  const policy = ctx.sessionPolicy ?? DEFAULT_SESSION_POLICY
  const now = ctx.clock.now()
  const nowIso = new Date(now).toISOString()
  const userId = newId()
  const username = input.username.trim()

  const run = () =>
    ctx.db.transaction().execute(async (trx) => {
      const used = await trx
        .deleteFrom('setup_tokens')
        .where('token_hash', '=', hashSecretToken(input.token))
        .where('expires_at', '>', nowIso)
        .executeTakeFirst()
      if (Number(used.numDeletedRows) !== 1) throw new SetupTokenInvalidError()
      const user = firstAdminRow(userId, input, passwordHash, nowIso)
      await setUpServer(trx, ctx, province.code, user, { kind: 'user', id: userId, name: username })
      return startSession(trx, ctx.clock, policy, userId, ctx.ip ?? null)
    })

  const session = await run().catch((error: unknown) => {
    throw isUniqueViolation(error) ? new AlreadySetUpError() : error
  })
  ctx.sessionCookie?.set(session.token, session.expiresAtMs)
  return {
    user: {
      id: userId,
      username,
      displayName: input.displayName.trim(),
      role: 'province_admin',
      communeCode: null,
    },
    session,
  }
}

/** The first province admin's row. */
export function firstAdminRow(
  id: string,
  input: { username: string; displayName: string },
  passwordHash: string,
  nowIso: string,
): UserTable {
  const username = input.username.trim()
  return {
    id,
    username,
    username_key: usernameKey(username),
    display_name: input.displayName.trim(),
    role: 'province_admin',
    commune_code: null,
    password_hash: passwordHash,
    disabled: 0,
    created_at: nowIso,
    updated_at: nowIso,
    password_changed_at: nowIso,
  }
}

/**
 * The heart of first-run setup, shared by the setup page and the CLI: inside the caller's
 * transaction, stores the province, creates the first province admin, retires every setup
 * link and records both in the audit log. Fails with `already_set_up` if anyone exists.
 */
export async function setUpServer(
  trx: Transaction<ServerDatabase>,
  ctx: AuditContext,
  provinceCode: string,
  admin: UserTable,
  actor: AuditActor,
): Promise<void> {
  if ((await countUsers(trx)) > 0) throw new AlreadySetUpError()
  const now = ctx.clock.now()
  await insertSettingOnce(trx, SETTING_KEYS.setupCompletedAt, new Date(now).toISOString(), now)
  await setProvinceCode(trx, provinceCode, now)
  await insertUser(trx, admin)
  await trx.deleteFrom('setup_tokens').execute()
  await recordAudit(trx, ctx, {
    action: 'setup.completed',
    targetType: 'server',
    details: { provinceCode },
    actor,
  })
  await recordAudit(trx, ctx, {
    action: 'user.created',
    targetType: 'user',
    targetId: admin.id,
    details: { role: admin.role },
    actor,
  })
}
