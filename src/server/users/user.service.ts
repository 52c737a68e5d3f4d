import type { Kysely } from 'kysely'
import type { ConsoleUser, HttpInput, Role } from '../../shared/api/http.contract'
import { newId } from '../../shared/ids/uuid'
import { NotFoundError } from '../../shared/result'
import { type AuditActor, type AuditContext, recordAudit } from '../audit/audit.service'
import type { UserTable } from '../auth/auth.tables'
import { hashPassword } from '../auth/password-hash'
import { deleteUserSessions } from '../auth/session.repository'
import { communeNameInProvince, officialCommuneName } from '../settings/official-provinces'
import { getProvinceCode } from '../settings/server-settings'
import type { ServerDatabase } from '../store/server-database.types'
import { isUniqueViolation } from './unique-violation'
import {
  countOtherActiveAdmins,
  findUserById,
  findUserByUsername,
  insertUser,
  type UserPatch,
  updateUserRow,
  usernameKey,
} from './user.repository'
import {
  InvalidCommuneError,
  LastAdminError,
  OwnAccountError,
  UsernameTakenError,
} from './user-errors'
import { storedRole, toConsoleUser } from './user-view'

/** What the people services need: the store, the clock, and who acts (for the audit log). */
export interface UserServiceContext extends AuditContext {
  db: Kysely<ServerDatabase>
}

export interface NewUser {
  username: string
  displayName: string
  role: Role
  communeCode?: string | null | undefined
  password: string
}

/**
 * Creates a console user and records it in the audit log. A commune viewer needs a
 * commune of the server's province; province roles have none.
 */
export async function createUser(
  ctx: UserServiceContext,
  input: NewUser,
  actor?: AuditActor,
): Promise<ConsoleUser> {
  const communeCode = await checkCommune(ctx.db, input.role, input.communeCode ?? null)
  const passwordHash = await hashPassword(input.password)
  const now = new Date(ctx.clock.now()).toISOString()
  const row: UserTable = {
    id: newId(),
    username: input.username.trim(),
    username_key: usernameKey(input.username),
    display_name: input.displayName.trim(),
    role: input.role,
    commune_code: communeCode,
    password_hash: passwordHash,
    disabled: 0,
    created_at: now,
    updated_at: now,
    password_changed_at: now,
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (await findUserByUsername(trx, row.username)) throw new UsernameTakenError()
      await insertUser(trx, row)
      await recordAudit(trx, ctx, {
        action: 'user.created',
        targetType: 'user',
        targetId: row.id,
        communeCode,
        details: { role: row.role },
        ...(actor ? { actor } : {}),
      })
    })
  } catch (error) {
    throw isUniqueViolation(error) ? new UsernameTakenError() : error
  }
  return toConsoleUser(row)
}

export type UserUpdate = Omit<HttpInput<'users.update'>, 'id'> & { id: string }

/**
 * Changes a user's display name, role, commune or disabled flag. Disabling a user ends
 * their sessions; a role change takes effect on their next request. The last active
 * province admin cannot be disabled or demoted, and an admin cannot do either to themself.
 */
export async function updateUser(ctx: UserServiceContext, input: UserUpdate): Promise<ConsoleUser> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, input.id)
    if (!user) throw new NotFoundError('User')
    const role = input.role ?? storedRole(user.role)
    const wantedCommune =
      input.communeCode !== undefined
        ? input.communeCode
        : role === 'commune_viewer'
          ? user.commune_code
          : null
    const communeCode = await checkCommune(trx, role, wantedCommune)
    const disabled = input.disabled ?? user.disabled !== 0
    await guardAdmins(trx, ctx, user, role, disabled)

    const patch: UserPatch = { updated_at: new Date(ctx.clock.now()).toISOString() }
    const changed: string[] = []
    if (input.displayName !== undefined && input.displayName !== user.display_name) {
      patch.display_name = input.displayName
      changed.push('displayName')
    }
    if (role !== user.role) {
      patch.role = role
      changed.push('role')
    }
    if (communeCode !== user.commune_code) {
      patch.commune_code = communeCode
      changed.push('communeCode')
    }
    if (disabled !== (user.disabled !== 0)) {
      patch.disabled = disabled ? 1 : 0
      changed.push('disabled')
    }
    if (changed.length === 0) return toConsoleUser(user)

    await updateUserRow(trx, user.id, patch)
    const sessionsEnded = disabled ? await deleteUserSessions(trx, user.id) : 0
    await recordAudit(trx, ctx, {
      action: 'user.updated',
      targetType: 'user',
      targetId: user.id,
      communeCode,
      details: { changed, role, disabled, sessionsEnded },
    })
    return toConsoleUser({ ...user, ...patch })
  })
}

/** Sets a new password chosen by an admin and ends every session of that user. */
export async function resetUserPassword(
  ctx: UserServiceContext,
  input: { id: string; newPassword: string },
  actor?: AuditActor,
): Promise<{ user: ConsoleUser; sessionsEnded: number }> {
  const existing = await findUserById(ctx.db, input.id)
  if (!existing) throw new NotFoundError('User')
  const passwordHash = await hashPassword(input.newPassword)
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, input.id)
    if (!user) throw new NotFoundError('User')
    const now = new Date(ctx.clock.now()).toISOString()
    const patch: UserPatch = {
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
    }
    await updateUserRow(trx, user.id, patch)
    const sessionsEnded = await deleteUserSessions(trx, user.id)
    await recordAudit(trx, ctx, {
      action: 'user.password_reset',
      targetType: 'user',
      targetId: user.id,
      communeCode: user.commune_code,
      details: { sessionsEnded },
      ...(actor ? { actor } : {}),
    })
    return { user: toConsoleUser({ ...user, ...patch }), sessionsEnded }
  })
}

/**
 * The commune a user of this role may have: required for a commune viewer (a commune of
 * the server's province, or of the country before a province is chosen), null otherwise.
 */
async function checkCommune(
  db: Kysely<ServerDatabase>,
  role: Role,
  communeCode: string | null,
): Promise<string | null> {
  if (role !== 'commune_viewer') {
    if (communeCode) throw new InvalidCommuneError('Only a commune viewer has a commune')
    return null
  }
  if (!communeCode) throw new InvalidCommuneError('A commune viewer needs a commune')
  const provinceCode = await getProvinceCode(db)
  const name = provinceCode
    ? communeNameInProvince(communeCode, provinceCode)
    : officialCommuneName(communeCode)
  if (!name) {
    throw new InvalidCommuneError(
      provinceCode
        ? `Commune ${communeCode} is not an official commune of province ${provinceCode}`
        : `Commune ${communeCode} is not an official commune`,
    )
  }
  return communeCode
}

async function guardAdmins(
  db: Kysely<ServerDatabase>,
  ctx: UserServiceContext,
  user: UserTable,
  role: Role,
  disabled: boolean,
): Promise<void> {
  const losesAdmin = user.role === 'province_admin' && (role !== 'province_admin' || disabled)
  if (!losesAdmin || user.disabled !== 0) return
  if (ctx.caller.kind === 'user' && ctx.caller.userId === user.id) throw new OwnAccountError()
  if ((await countOtherActiveAdmins(db, user.id)) === 0) throw new LastAdminError()
}
