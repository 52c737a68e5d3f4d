import { z } from 'zod'
import {
  communeCodeSchema,
  displayNameSchema,
  passwordSchema,
  roleSchema,
  usernameSchema,
} from './auth.contract'
import { defineHttp } from './http-call'

const ADMIN = { roles: ['province_admin'] } as const

/** A console user as the user-management screen sees them (never the password hash). */
export const consoleUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  communeCode: z.string().nullable(),
  /** Official name of the commune, for display. */
  communeName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  passwordChangedAt: z.string(),
})
export type ConsoleUser = z.infer<typeof consoleUserSchema>

export const userCalls = defineHttp({
  'users.list': {
    method: 'GET',
    path: '/api/v1/users',
    access: ADMIN,
    input: z.strictObject({
      /** Part of the username or display name, any case. */
      q: z.string().trim().max(100).optional(),
      role: roleSchema.optional(),
      communeCode: communeCodeSchema.optional(),
      disabled: z.stringbool().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number().int(), items: z.array(consoleUserSchema) }),
  },
  'users.create': {
    method: 'POST',
    path: '/api/v1/users',
    access: ADMIN,
    input: z.strictObject({
      username: usernameSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      /** Required for a commune viewer, absent or null otherwise. */
      communeCode: communeCodeSchema.nullable().optional(),
      password: passwordSchema,
    }),
    output: consoleUserSchema,
  },
  'users.update': {
    method: 'POST',
    path: '/api/v1/users/:id',
    access: ADMIN,
    input: z
      .strictObject({
        id: z.string().min(1).max(64),
        displayName: displayNameSchema.optional(),
        role: roleSchema.optional(),
        communeCode: communeCodeSchema.nullable().optional(),
        disabled: z.boolean().optional(),
      })
      .refine(
        (u) =>
          u.displayName !== undefined ||
          u.role !== undefined ||
          u.communeCode !== undefined ||
          u.disabled !== undefined,
        'name at least one of displayName, role, communeCode, disabled',
      ),
    output: consoleUserSchema,
  },
  'users.resetPassword': {
    method: 'POST',
    path: '/api/v1/users/:id/password',
    access: ADMIN,
    input: z.strictObject({ id: z.string().min(1).max(64), newPassword: passwordSchema }),
    output: z.object({ user: consoleUserSchema, sessionsEnded: z.number().int() }),
  },
})
