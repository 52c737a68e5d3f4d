import type { Kysely, Transaction } from 'kysely'
import type { Clock } from '../../shared/clock/clock'
import { newId } from '../../shared/ids/uuid'
import type { Caller } from '../http/request-context'
import type { ServerDatabase } from '../store/server-database.types'
import type { AuditActorKind } from './audit.tables'

/** Who the entry names as having acted, when it is not the request's caller. */
export interface AuditActor {
  kind: AuditActorKind
  id: string | null
  name: string | null
}

export interface AuditEntryInput {
  /** `<domain>.<what happened>` in snake case: `user.created`, `places.villages_imported`. */
  action: string
  /** What was acted on: `user`, `device`, `village`, `form`, `server`, … */
  targetType: string
  targetId?: string | null
  communeCode?: string | null
  /** Codes, counts and field names only — never names, phones or citizen ids. */
  details?: Record<string, unknown>
  /** Overrides the caller, e.g. the user who just signed in, or the CLI. */
  actor?: AuditActor
}

/** The part of a request context the audit log needs (the CLI makes its own). */
export interface AuditContext {
  clock: Clock
  caller: Caller
  ip?: string
}

/**
 * Appends one entry to the audit log. Call it with the transaction of the change it
 * records, so that the change and its entry are saved together or not at all.
 */
export async function recordAudit(
  db: Kysely<ServerDatabase> | Transaction<ServerDatabase>,
  ctx: AuditContext,
  entry: AuditEntryInput,
): Promise<void> {
  const actor = entry.actor ?? actorOf(ctx.caller)
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: new Date(ctx.clock.now()).toISOString(),
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      commune_code: entry.communeCode ?? null,
      details_json: JSON.stringify(entry.details ?? {}),
      ip: ctx.ip ?? null,
    })
    .execute()
}

/** The audit actor for a request's caller. */
export function actorOf(caller: Caller): AuditActor {
  switch (caller.kind) {
    case 'user':
      return { kind: 'user', id: caller.userId, name: caller.username }
    case 'device':
      return { kind: 'device', id: caller.deviceId, name: null }
    case 'anonymous':
      return { kind: 'anonymous', id: null, name: null }
  }
}
