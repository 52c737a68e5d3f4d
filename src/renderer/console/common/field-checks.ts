import type { TFunction } from 'i18next'
import {
  displayNameSchema,
  PASSWORD_MIN_LENGTH,
  passwordSchema,
  usernameSchema,
} from '../../../shared/api/http/auth.contract'

/**
 * Checks of what a person typed, with the same schemas the server applies, so that a
 * mistake is shown next to its field before anything is sent. Each answers the message to
 * show, or null when the value is fine.
 */

export function usernameError(value: string, t: TFunction): string | null {
  if (value.trim() === '') return t('console.validation.required')
  return usernameSchema.safeParse(value).success ? null : t('console.validation.username')
}

export function displayNameError(value: string, t: TFunction): string | null {
  return displayNameSchema.safeParse(value).success ? null : t('console.validation.required')
}

export function newPasswordError(value: string, t: TFunction): string | null {
  if (value === '') return t('console.validation.required')
  return passwordSchema.safeParse(value).success
    ? null
    : t('console.validation.passwordShort', { min: PASSWORD_MIN_LENGTH })
}

export function confirmPasswordError(
  password: string,
  confirm: string,
  t: TFunction,
): string | null {
  if (confirm === '') return t('console.validation.required')
  return confirm === password ? null : t('console.validation.passwordMismatch')
}

export function requiredError(value: string | null | undefined, t: TFunction): string | null {
  return value && value.trim() !== '' ? null : t('console.validation.required')
}

/** Errors of a form by field; a form may be sent when every entry is null. */
export type FieldErrors<K extends string> = Partial<Record<K, string | null>>

export function hasErrors<K extends string>(errors: FieldErrors<K>): boolean {
  return Object.values(errors).some((message) => Boolean(message))
}
