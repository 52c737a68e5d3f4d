import { z } from 'zod'
import { defineHttp, ROLES } from './http-call'

/** Shortest password accepted; long passphrases beat complex short ones. */
export const PASSWORD_MIN_LENGTH = 10
/** Longest password accepted, so that hashing cost stays bounded. */
export const PASSWORD_MAX_LENGTH = 256

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)

/** Letters without accents, digits and `. _ @ -`; unique regardless of case. */
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@-]{3,64}$/, 'must be 3–64 letters, digits or . _ @ -')

export const displayNameSchema = z.string().trim().min(1).max(100)

export const roleSchema = z.enum(ROLES)

/** An official code: two digits for a province, five for a commune. */
export const provinceCodeSchema = z.string().regex(/^\d{2}$/, 'must be a 2-digit province code')
export const communeCodeSchema = z.string().regex(/^\d{5}$/, 'must be a 5-digit commune code')

/** The signed-in user as the console sees them. */
export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** The only commune a commune viewer may see; null for province roles. */
  communeCode: z.string().nullable(),
})
export type SessionUser = z.infer<typeof sessionUserSchema>

export const officialPlaceSchema = z.object({ code: z.string(), name: z.string() })

/** Answer to sign-in and setup: the user and the token to send back as `x-csrf-token`. */
export const signedInSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() })

export const authCalls = defineHttp({
  'setup.status': {
    method: 'GET',
    path: '/api/v1/setup',
    access: 'public',
    input: z.strictObject({
      /** The token of a setup link, to learn early whether it is still good. */
      token: z.string().max(200).optional(),
    }),
    output: z.object({
      /** True until the first administrator has been created. */
      needed: z.boolean(),
      /** Whether the given token can complete setup; null when no token was given. */
      tokenValid: z.boolean().nullable(),
      /** The official provinces to choose from (empty once set up). */
      provinces: z.array(officialPlaceSchema),
    }),
  },
  'setup.complete': {
    method: 'POST',
    path: '/api/v1/setup',
    access: 'public',
    input: z.strictObject({
      token: z.string().min(1).max(200),
      provinceCode: provinceCodeSchema,
      username: usernameSchema,
      displayName: displayNameSchema,
      password: passwordSchema,
    }),
    output: signedInSchema,
  },
  'auth.signIn': {
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    access: 'public',
    // Checked loosely here so that a wrong username and a wrong password look the same.
    input: z.strictObject({
      username: z.string().trim().min(1).max(100),
      password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    }),
    output: signedInSchema,
  },
  'auth.signOut': {
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    access: { roles: ROLES },
    input: z.strictObject({}),
    output: z.object({ signedOut: z.literal(true) }),
  },
  'auth.me': {
    method: 'GET',
    path: '/api/v1/auth/me',
    access: { roles: ROLES },
    input: z.strictObject({}),
    output: signedInSchema.extend({
      /** The server's province, chosen at first-run setup. */
      province: officialPlaceSchema.nullable(),
      /** When the session ends at the latest (ISO); inactivity ends it sooner. */
      sessionExpiresAt: z.string(),
    }),
  },
  'auth.changePassword': {
    method: 'POST',
    path: '/api/v1/auth/password',
    access: { roles: ROLES },
    input: z.strictObject({
      currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
      newPassword: passwordSchema,
    }),
    output: z.object({ changed: z.literal(true) }),
  },
})
