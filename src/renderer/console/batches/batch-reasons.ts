import type { TFunction } from 'i18next'
import { consoleVi } from '../../i18n/console.vi'

/** Every reason the server gives for refusing a whole batch (codec reasons and server rules). */
export const BATCH_REFUSAL_CODES = [
  'batch_malformed',
  'batch_version_unsupported',
  'revision_invalid',
  'manifest_mismatch',
  'device_unknown',
  'signature_invalid',
  'device_revoked',
  'device_mismatch',
  'batch_too_large',
  'payload_too_large',
  'wrong_province_key',
  'decrypt_failed',
  'payload_hash_mismatch',
  'form_unknown',
  'wrong_commune',
  'enrolment_code_invalid',
  'enrolment_code_expired',
  'enrolment_code_used',
  'enrolment_commune_mismatch',
] as const

type RefusalKey = keyof typeof consoleVi.batches.refusals
type RejectKey = keyof typeof consoleVi.quarantine.reasons

/**
 * Why a batch was refused, in the reader's language: what happened and what to do. An
 * unknown code (a newer server) still says something and shows the code for support.
 */
export function batchRefusalText(code: string | null, t: TFunction): string {
  if (code && Object.hasOwn(consoleVi.batches.refusals, code)) {
    return t(`console.batches.refusals.${code as RefusalKey}`)
  }
  return t('console.batches.refusalUnknown', { code: code ?? '?' })
}

/** The import screen's wording of a refused file: each refusal reason in place of the generic error. */
export function refusalOverrides(t: TFunction): Record<string, string> {
  return Object.fromEntries(BATCH_REFUSAL_CODES.map((code) => [code, batchRefusalText(code, t)]))
}

/** Why one revision was rejected (kept in the quarantine). */
export function rejectReasonText(reason: string | null, t: TFunction): string {
  if (reason && Object.hasOwn(consoleVi.quarantine.reasons, reason)) {
    return t(`console.quarantine.reasons.${reason as RejectKey}`)
  }
  return t('console.quarantine.reasonUnknown', { code: reason ?? '?' })
}
