import { z } from 'zod'
import { formDefinitionSchema } from '../../forms/form-definition.schema'
import { formChangeSchema } from '../../forms/form-diff'
import { localizedTextSchema } from '../../forms/localized-text'
import { defineHttp, ROLES } from './http-call'
import { uploadedFileSchema } from './places.contract'

const formIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_-]*$/, 'a form id is lower case letters, digits, "-" and "_"')
const versionSchema = z.coerce.number().int().positive()

/** Where a form version came from. */
export const FORM_SOURCES = ['builtin', 'json', 'xlsform'] as const

export const formVersionSummarySchema = z.object({
  formId: z.string(),
  version: z.number().int(),
  title: localizedTextSchema,
  source: z.enum(FORM_SOURCES),
  publishedAt: z.string(),
  /** Username of the admin who published it; null for the built-in version. */
  publishedBy: z.string().nullable(),
  sectionCount: z.number().int(),
  questionCount: z.number().int(),
  /** The newest version of its form: what devices fill in from now on. */
  latest: z.boolean(),
})
export type FormVersionSummary = z.infer<typeof formVersionSummarySchema>

export const formVersionDetailSchema = formVersionSummarySchema.extend({
  definition: formDefinitionSchema,
})

/** Severity of an XLSForm import problem: errors block publishing, warnings are notes. */
export const xlsFormIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  /** Sheet, row (as the spreadsheet numbers it) and column header, when known. */
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
})
export type XlsFormIssue = z.infer<typeof xlsFormIssueSchema>

const diffOutputSchema = z.object({
  formId: z.string(),
  fromVersion: z.number().int(),
  /** Null when comparing an unpublished candidate. */
  toVersion: z.number().int().nullable(),
  changes: z.array(formChangeSchema),
})

const READERS = { roles: ROLES }

export const formsCalls = defineHttp({
  'forms.list': {
    method: 'GET',
    path: '/api/v1/forms',
    access: READERS,
    input: z.strictObject({ formId: formIdSchema.optional() }),
    output: z.object({ items: z.array(formVersionSummarySchema) }),
  },
  'forms.get': {
    method: 'GET',
    path: '/api/v1/forms/:formId/versions/:version',
    access: READERS,
    input: z.strictObject({ formId: formIdSchema, version: versionSchema }),
    output: formVersionDetailSchema,
  },
  'forms.diff': {
    method: 'POST',
    path: '/api/v1/forms/diff',
    access: READERS,
    // A candidate against the latest published version (or `baseVersion`), or two
    // published versions of one form.
    input: z.union([
      z.strictObject({ definition: formDefinitionSchema, baseVersion: versionSchema.optional() }),
      z.strictObject({
        formId: formIdSchema,
        fromVersion: versionSchema,
        toVersion: versionSchema,
      }),
    ]),
    output: diffOutputSchema,
  },
  'forms.publish': {
    method: 'POST',
    path: '/api/v1/forms/:formId/versions',
    access: { roles: ['province_admin'] },
    input: z.strictObject({
      formId: formIdSchema,
      definition: formDefinitionSchema,
      source: z.enum(['json', 'xlsform']).default('json'),
    }),
    output: formVersionSummarySchema.extend({ changes: z.array(formChangeSchema) }),
  },
  'forms.importXlsForm': {
    method: 'POST',
    path: '/api/v1/forms/xlsform-imports',
    access: { roles: ['province_admin', 'province_staff'] },
    input: uploadedFileSchema,
    output: z.object({
      /** The translated form, or null when nothing usable came out of the file. */
      definition: formDefinitionSchema.nullable(),
      /** True when the definition passed every check and could be published as is. */
      publishable: z.boolean(),
      errors: z.number().int(),
      warnings: z.number().int(),
      issues: z.array(xlsFormIssueSchema),
      /** Against the latest published version of the same form, when there is one. */
      diff: diffOutputSchema.nullable(),
    }),
  },
})
