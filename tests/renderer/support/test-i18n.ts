import i18next, { type TFunction } from 'i18next'
import { en } from '../../../src/renderer/i18n/en'
import { vi } from '../../../src/renderer/i18n/vi'
import type { Locale } from '../../../src/shared/forms/localized-text'

/** A real i18next instance over the app's own catalogs, without React or a DOM. */
export async function catalogT(locale: Locale): Promise<TFunction> {
  const instance = i18next.createInstance()
  await instance.init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  })
  return instance.t
}
