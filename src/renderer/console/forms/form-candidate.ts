import type { TFunction } from 'i18next'
import type { FormVersionSummary, XlsFormIssue } from '../../../shared/api/http.contract'
import {
  type FormDefinition,
  formDefinitionSchema,
} from '../../../shared/forms/form-definition.schema'
import type { FormChange } from '../../../shared/forms/form-diff'

/** A form definition read from a file, before it is published, with what is wrong with it. */
export interface FormCandidate {
  fileName: string
  source: 'json' | 'xlsform'
  /** Null when nothing usable came out of the file. */
  definition: FormDefinition | null
  /** XLSForm rows the importer could not translate (sheet, row, column). */
  issues: XlsFormIssue[]
  /** Problems of a JSON file, already in words. */
  problems: string[]
  /** Whether the server (or the checks here) found nothing blocking. */
  publishable: boolean
  diff: { fromVersion: number; changes: FormChange[] } | null
}

/** The kind of a chosen file by its name; null for anything else. */
export function candidateSource(fileName: string): 'json' | 'xlsform' | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.xlsx')) return 'xlsform'
  return null
}

/**
 * Reads a JSON form definition with the shared schema, then checks it is the next version
 * of a form the server has. Answers the definition, or the problems in words.
 */
export function readJsonDefinition(
  text: string,
  published: readonly FormVersionSummary[],
  t: TFunction,
): { definition: FormDefinition | null; problems: string[] } {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { definition: null, problems: [t('console.publish.jsonUnreadable', { detail })] }
  }
  const parsed = formDefinitionSchema.safeParse(raw)
  if (!parsed.success) {
    return {
      definition: null,
      problems: parsed.error.issues.slice(0, 20).map((issue) =>
        t('console.publish.jsonIssue', {
          path: issue.path.length > 0 ? issue.path.join('.') : '(form)',
          message: issue.message,
        }),
      ),
    }
  }
  const definition = parsed.data
  const versions = published.filter((v) => v.formId === definition.id).map((v) => v.version)
  if (versions.length === 0) {
    return { definition, problems: [t('console.publish.unknownForm', { formId: definition.id })] }
  }
  const next = Math.max(...versions) + 1
  return definition.version === next
    ? { definition, problems: [] }
    : {
        definition,
        problems: [t('console.publish.wrongVersion', { version: definition.version, next })],
      }
}
