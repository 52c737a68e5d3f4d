import type { TFunction } from 'i18next'
import { AppError } from '../../../shared/result'
import { vi } from '../../i18n/vi'

type KnownErrorCode = Exclude<keyof typeof vi.errors, 'title' | 'unknown'>

function isKnownErrorCode(code: string): code is KnownErrorCode {
  return code !== 'title' && code !== 'unknown' && Object.hasOwn(vi.errors, code)
}

/**
 * A failure's reason code as the person reads it: what happened and what to do. Codes the
 * catalog does not know yet still say something useful and show the code for support.
 */
export function errorMessage(code: string, t: TFunction): string {
  return isKnownErrorCode(code) ? t(`errors.${code}`) : t('errors.unknown', { code })
}

/** A call to the main process or the server answered `ok: false`; keeps its reason code. */
export class CallFailedError extends AppError {
  constructor(code: string, message: string) {
    super(code, message)
    this.name = 'CallFailedError'
  }
}

/** The reason code of anything a call may throw; unexpected throws become `internal`. */
export function errorCode(error: unknown): string {
  return error instanceof AppError ? error.code : 'internal'
}
