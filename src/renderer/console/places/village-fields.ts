import type { TFunction } from 'i18next'
import { MAX_REGISTERED_HOUSEHOLDS } from '../../../shared/api/http/places.contract'
import { MAX_VILLAGE_NAME_LENGTH } from '../../../shared/places/village-name'

/** The problem with a typed village name, or null. */
export function villageNameError(name: string, t: TFunction): string | null {
  const trimmed = name.trim()
  return trimmed === '' || trimmed.length > MAX_VILLAGE_NAME_LENGTH
    ? t('console.validation.villageName', { max: MAX_VILLAGE_NAME_LENGTH })
    : null
}

/** The problem with a typed number of registered households, or null. */
export function registeredError(value: number | string, t: TFunction): string | null {
  const n = typeof value === 'number' ? value : Number(value)
  return value === '' || !Number.isInteger(n) || n < 0 || n > MAX_REGISTERED_HOUSEHOLDS
    ? t('console.validation.wholeNumber', { min: 0, max: MAX_REGISTERED_HOUSEHOLDS })
    : null
}

export { MAX_REGISTERED_HOUSEHOLDS, MAX_VILLAGE_NAME_LENGTH }
