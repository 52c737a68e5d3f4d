import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Locale } from '../../shared/forms/localized-text'
import { en } from './en'
import { type Messages, vi } from './vi'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

const STORAGE_KEY = 'langso.language'

/** The language the user chose last time on this machine; Vietnamese by default. */
export function savedLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  return storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
}

/** Remembers the chosen language for the next start. */
export function saveLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale): void {
  storage?.setItem(STORAGE_KEY, locale)
}

/**
 * Starts i18next with both catalogs bundled (no loading over the network) and binds it to
 * React. Shared by the desktop app and the province console.
 */
export async function startI18n(locale: Locale): Promise<I18n> {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    // React already escapes text; escaping twice would show "&amp;" in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = locale
  return i18next
}

/** Switches the UI language everywhere and remembers it. */
export async function switchLocale(i18n: I18n, locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale)
  document.documentElement.lang = locale
  saveLocale(globalThis.localStorage, locale)
}

/** The active UI language as a form label key. */
export function currentLocale(i18n: Pick<I18n, 'language'>): Locale {
  return i18n.language === 'en' ? 'en' : 'vi'
}
