import { z } from 'zod'

/** Supported UI languages: Vietnamese first, English second. */
export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** A label carried by form data, in both languages. */
export const localizedTextSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) })
export type LocalizedText = z.infer<typeof localizedTextSchema>
