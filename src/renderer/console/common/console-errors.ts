import type { TFunction } from 'i18next'
import { AppError } from '../../../shared/result'
import { consoleVi } from '../../i18n/console.vi'
import { ConsoleCallError } from '../api/console.client'

type ConsoleErrorCode = Exclude<
  keyof typeof consoleVi.errors,
  'title' | 'loadTitle' | 'unknown' | 'rate_limited' | 'rate_limited_unknown'
>

function isConsoleErrorCode(code: string): code is ConsoleErrorCode {
  return (
    Object.hasOwn(consoleVi.errors, code) &&
    !['title', 'loadTitle', 'unknown', 'rate_limited', 'rate_limited_unknown'].includes(code)
  )
}

/** What went wrong, as the console knows it: a reason code and the wait the server asked for. */
export interface ConsoleFailure {
  code: string
  retryAfterSeconds: number | null
}

/** The reason code (and wait) of anything a console call may throw. */
export function failureOf(error: unknown): ConsoleFailure {
  if (error instanceof ConsoleCallError) {
    return { code: error.code, retryAfterSeconds: error.retryAfterSeconds }
  }
  return { code: error instanceof AppError ? error.code : 'internal', retryAfterSeconds: null }
}

/**
 * A failure in the reader's language: what happened and what to do. `overrides` gives a
 * screen's own wording for a code whose meaning depends on the screen (e.g. `conflict`
 * when adding a village means the name is taken). Unknown codes still say something useful
 * and show the code for support.
 */
export function consoleErrorMessage(
  failure: ConsoleFailure | string,
  t: TFunction,
  overrides: Partial<Record<string, string>> = {},
): string {
  const { code, retryAfterSeconds } =
    typeof failure === 'string' ? { code: failure, retryAfterSeconds: null } : failure
  const own = overrides[code]
  if (own) return own
  if (code === 'rate_limited') {
    return retryAfterSeconds
      ? t('console.errors.rate_limited', {
          minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)),
        })
      : t('console.errors.rate_limited_unknown')
  }
  return isConsoleErrorCode(code)
    ? t(`console.errors.${code}`)
    : t('console.errors.unknown', { code })
}
