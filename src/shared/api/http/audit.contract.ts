import { z } from 'zod'
import { isoDateSchema } from '../../household/household-revision.schema'
import { communeCodeSchema } from './auth.contract'
import { defineHttp } from './http-call'

const PROVINCE_ROLES = { roles: ['province_admin', 'province_staff'] } as const

export const auditActorKindSchema = z.enum(['user', 'device', 'anonymous', 'cli', 'system'])

export const auditEntrySchema = z.object({
  id: z.string(),
  /** ISO time (UTC) of the action. */
  at: z.string(),
  actorKind: auditActorKindSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** `<domain>.<what happened>`, e.g. `auth.sign_in`, `user.created`. */
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  communeCode: z.string().nullable(),
  /** Codes and counts only; never personal data. */
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditCalls = defineHttp({
  'audit.list': {
    method: 'GET',
    path: '/api/v1/audit',
    access: PROVINCE_ROLES,
    input: z
      .strictObject({
        action: z.string().max(100).optional(),
        actorKind: auditActorKindSchema.optional(),
        actorId: z.string().max(64).optional(),
        targetType: z.string().max(64).optional(),
        targetId: z.string().max(64).optional(),
        communeCode: communeCodeSchema.optional(),
        /** First day included, in Vietnam time (YYYY-MM-DD). */
        from: isoDateSchema.optional(),
        /** Last day included, in Vietnam time (YYYY-MM-DD). */
        to: isoDateSchema.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      })
      .refine((q) => !q.from || !q.to || q.from <= q.to, {
        message: 'must not be before from',
        path: ['to'],
      }),
    output: z.object({ total: z.number().int(), items: z.array(auditEntrySchema) }),
  },
  'audit.actions': {
    method: 'GET',
    path: '/api/v1/audit/actions',
    access: PROVINCE_ROLES,
    input: z.strictObject({}),
    output: z.object({ actions: z.array(z.string()) }),
  },
})
