import { type ConsoleUser, ROLES, type Role } from '../../shared/api/http.contract'
import type { UserTable } from '../auth/auth.tables'
import { officialCommuneName } from '../settings/official-provinces'

/** A stored user as the console sees them: never the password hash. */
export function toConsoleUser(row: UserTable): ConsoleUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: storedRole(row.role),
    communeCode: row.commune_code,
    communeName: row.commune_code ? officialCommuneName(row.commune_code) : null,
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
  }
}

/** The role of a stored row; the store only ever receives contract roles. */
export function storedRole(value: string): Role {
  const role = ROLES.find((r) => r === value)
  if (!role) throw new Error(`Unknown role in the users table: ${value}`)
  return role
}
