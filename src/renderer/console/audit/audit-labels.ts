import type { TFunction } from 'i18next'
import type { AuditEntry } from '../../../shared/api/http.contract'
import { consoleVi } from '../../i18n/console.vi'
import { shortId } from '../common/short-id'

type ActionKey = keyof typeof consoleVi.audit.actions
type TargetKey = keyof typeof consoleVi.audit.targets

/** The catalog key of an audit action: `device.enrolment_code.create` -> `device_enrolment_code_create`. */
export function auditActionKey(action: string): string {
  return action.replaceAll('.', '_')
}

/** An audit action in words; an action the catalog does not know yet shows as recorded. */
export function auditActionLabel(action: string, t: TFunction): string {
  const key = auditActionKey(action)
  return Object.hasOwn(consoleVi.audit.actions, key)
    ? t(`console.audit.actions.${key as ActionKey}`)
    : action
}

/** What an entry was about, e.g. "Thôn 00700-03". */
export function auditTargetLabel(entry: AuditEntry, t: TFunction): string {
  const kind = Object.hasOwn(consoleVi.audit.targets, entry.targetType)
    ? t(`console.audit.targets.${entry.targetType as TargetKey}`)
    : entry.targetType
  return entry.targetId ? `${kind} ${shortId(entry.targetId)}` : kind
}

/** Who did it: the name recorded at the time, else the kind of actor. */
export function auditActorLabel(entry: AuditEntry, t: TFunction): string {
  return entry.actorName ?? t(`console.audit.actorKinds.${entry.actorKind}`)
}

/** The details (codes and counts only) as `key: value` pairs. */
export function auditDetailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
}
