import type { TFunction } from 'i18next'
import type { Locale } from '../../../shared/forms/localized-text'
import { errorMessage } from '../../common/errors/error.messages'
import { formatDateTime, formatTimeOfDay } from '../../common/format/date.format'
import { vi } from '../../i18n/vi'

const formatters: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
}

/** A file size as people read it: KB below a megabyte, MB above (1 decimal). */
export function formatBytes(bytes: number, t: TFunction, locale: Locale): string {
  const format = formatters[locale]
  if (bytes < 1024 * 1024) {
    return t('dataCare.size.kb', { value: format.format(Math.max(bytes / 1024, 0.1)) })
  }
  return t('dataCare.size.mb', { value: format.format(bytes / (1024 * 1024)) })
}

type BackupErrorCode = keyof typeof vi.dataCare.errors

/** A backup or restore failure in plain words: this screen's own codes, else the common ones. */
export function dataCareError(code: string, t: TFunction): string {
  return Object.hasOwn(vi.dataCare.errors, code)
    ? t(`dataCare.errors.${code as BackupErrorCode}`)
    : errorMessage(code, t)
}

/** When a backup was taken, from its name (`langso-20251124T023012Z-…`); null for other names. */
export function backupTakenAt(fileName: string): string | null {
  const m = /^langso-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(fileName)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null
}

/** When a backup was taken, to the second (two may be taken in one minute), in Vietnam time. */
export function formatBackupTime(timestamp: string): string {
  return `${formatDateTime(timestamp).slice(0, 10)} ${formatTimeOfDay(timestamp)}`
}
