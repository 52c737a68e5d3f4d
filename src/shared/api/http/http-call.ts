import type { z } from 'zod'
import type { CallSpec } from '../contract'

/** Console user roles; a commune viewer sees only their own commune. */
export const ROLES = ['province_admin', 'province_staff', 'commune_viewer'] as const
export type Role = (typeof ROLES)[number]

/**
 * Who may make a call:
 * - `public`: anyone (health, first-run setup, sign-in, device enrolment);
 * - `device`: an enrolled, not revoked device proving itself on the request;
 * - `{ roles }`: a signed-in console user with one of these roles.
 */
export type Access = 'public' | 'device' | { roles: readonly Role[] }

/** A call of the provincial server's HTTP API: the input is built from path params, query and body. */
export interface HttpCallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType>
  extends CallSpec<I, O> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Fastify-style path; `:name` segments become input fields. */
  path: string
  access: Access
  /**
   * 'binary': the body is raw bytes of the call's own media type (a sealed batch), handed
   * to the input schema as a Uint8Array; JSON otherwise.
   */
  body?: 'json' | 'binary'
}

/** Keeps literal keys while checking that every entry is an HttpCallSpec. */
export function defineHttp<const C extends Record<string, HttpCallSpec>>(contract: C): C {
  return contract
}
