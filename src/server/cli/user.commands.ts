import { userInfo } from 'node:os'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import {
  communeCodeSchema,
  displayNameSchema,
  passwordSchema,
  provinceCodeSchema,
  roleSchema,
  usernameSchema,
} from '../../shared/api/http/auth.contract'
import type { Clock } from '../../shared/clock/clock'
import { newId } from '../../shared/ids/uuid'
import { InvalidInputError } from '../../shared/result'
import type { AuditActor } from '../audit/audit.service'
import { hashPassword } from '../auth/password-hash'
import { firstAdminRow, InvalidProvinceError, setUpServer } from '../auth/setup.service'
import { officialProvince } from '../settings/official-provinces'
import { getProvinceCode } from '../settings/server-settings'
import type { ServerDatabase } from '../store/server-database.types'
import { countUsers, findUserByUsername } from '../users/user.repository'
import { createUser, resetUserPassword, type UserServiceContext } from '../users/user.service'
import { CliUsageError } from './cli-errors'
import type { CliIo } from './cli-io'

/** What the user commands work on: an open store and the clock. */
export interface CliStore {
  db: Kysely<ServerDatabase>
  clock: Clock
}

export interface UserCreateOptions {
  username?: string | undefined
  role?: string | undefined
  commune?: string | undefined
  displayName?: string | undefined
  province?: string | undefined
}

/**
 * `user:create`: creates a console user with a password read from stdin (or typed twice
 * on a terminal). On an empty store it performs first-run setup instead: the user must be
 * a province admin and `--province` names the province.
 */
export async function userCreateCommand(
  store: CliStore,
  options: UserCreateOptions,
  io: CliIo,
): Promise<string> {
  const username = check('--username', usernameSchema, options.username)
  const role = check('--role', roleSchema, options.role)
  const displayName = check('--display-name', displayNameSchema, options.displayName ?? username)
  const commune =
    options.commune === undefined ? null : check('--commune', communeCodeSchema, options.commune)
  const password = await readNewPassword(io)
  const ctx = cliContext(store)

  if ((await countUsers(store.db)) === 0) {
    if (role !== 'province_admin') {
      throw new CliUsageError('The first user must be a province_admin (--role province_admin)')
    }
    const provinceCode = check('--province', provinceCodeSchema, options.province)
    if (!officialProvince(provinceCode)) throw new InvalidProvinceError()
    const row = firstAdminRow(
      newId(),
      { username, displayName },
      await hashPassword(password),
      now(store),
    )
    await store.db
      .transaction()
      .execute((trx) => setUpServer(trx, ctx, provinceCode, row, ctx.actor))
    return row.id
  }
  const provinceCode = await getProvinceCode(store.db)
  if (options.province !== undefined && options.province !== provinceCode) {
    throw new CliUsageError(`This server's province is already ${provinceCode ?? 'unset'}`)
  }
  const user = await createUser(
    ctx,
    { username, displayName, role, communeCode: commune, password },
    ctx.actor,
  )
  return user.id
}

/** `user:reset-password`: sets a new password (from stdin) and ends the user's sessions. */
export async function userResetPasswordCommand(
  store: CliStore,
  options: { username?: string | undefined },
  io: CliIo,
): Promise<{ userId: string; sessionsEnded: number }> {
  const username = check('--username', usernameSchema, options.username)
  const user = await findUserByUsername(store.db, username)
  if (!user) throw new CliUsageError(`No user named ${username}`)
  const password = await readNewPassword(io)
  const ctx = cliContext(store)
  const result = await resetUserPassword(ctx, { id: user.id, newPassword: password }, ctx.actor)
  return { userId: user.id, sessionsEnded: result.sessionsEnded }
}

function check<S extends z.ZodType>(
  flag: string,
  schema: S,
  value: string | undefined,
): z.output<S> {
  if (value === undefined) throw new CliUsageError(`${flag} is required`)
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    throw new InvalidInputError(`${flag}: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
  }
  return parsed.data
}

async function readNewPassword(io: CliIo): Promise<string> {
  return check('password', passwordSchema, await io.readNewPassword())
}

function cliContext(store: CliStore): UserServiceContext & { actor: AuditActor } {
  return {
    db: store.db,
    clock: store.clock,
    caller: { kind: 'anonymous' },
    actor: { kind: 'cli', id: null, name: osUser() },
  }
}

/** The operating-system account that ran the command, for the audit log. */
function osUser(): string | null {
  try {
    return userInfo().username
  } catch {
    return null
  }
}

function now(store: CliStore): string {
  return new Date(store.clock.now()).toISOString()
}
