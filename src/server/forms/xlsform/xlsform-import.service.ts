import type { UploadedFile } from '../../../shared/api/http/places.contract'
import type { HttpOutput } from '../../../shared/api/http.contract'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'
import {
  type FormDefinition,
  formDefinitionSchema,
} from '../../../shared/forms/form-definition.schema'
import { diffForms } from '../../../shared/forms/form-diff'
import { readWorkbookSheets } from '../../places/upload/spreadsheet.reader'
import { decodeUpload } from '../../places/upload/uploaded-file'
import type { ServerContext } from '../../server-context'
import { findPublishedForm } from '../form-registry'
import { latestVersionRow } from '../form-version.repository'
import { IssueList } from './xlsform-sheet'
import { translateWorkbook, type XlsFormDraft } from './xlsform-workbook'

type ImportAnswer = HttpOutput<'forms.importXlsForm'>

/**
 * Translates an uploaded XLSForm into a candidate next version of its form, with every
 * problem it met and the diff against the latest published version. Publishes nothing.
 */
export async function importXlsForm(
  ctx: ServerContext,
  upload: UploadedFile,
): Promise<ImportAnswer> {
  const file = decodeUpload(upload, ['xlsx'])
  const issues = new IssueList()
  const draft = translateWorkbook(await readWorkbookSheets(file.bytes), issues)

  const formId = draft.formId ?? defaultHouseholdForm.id
  if (!draft.formId) {
    issues.warning(
      'form_id_assumed',
      `settings has no form_id: the file is read as a new version of "${formId}"`,
      { sheet: 'settings', column: 'form_id' },
    )
  }
  const latestRow = await latestVersionRow(ctx.db, formId)
  const latest = latestRow ? await findPublishedForm(ctx.db, formId, latestRow.version) : undefined
  if (!latest) {
    issues.error(
      'unknown_form',
      `No form "${formId}" is published on this server: only new versions of a published form can be imported`,
      { sheet: 'settings', column: 'form_id' },
    )
  }
  const candidate = composeCandidate(formId, draft, latest, issues)
  const parsed = formDefinitionSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      const where = problem.path.length > 0 ? `${problem.path.join('.')}: ` : ''
      issues.error('invalid_definition', `${where}${problem.message}`)
    }
  }
  const definition = parsed.success ? parsed.data : null
  const errors = issues.count('error')
  return {
    definition,
    publishable: definition !== null && errors === 0,
    errors,
    warnings: issues.count('warning'),
    issues: issues.items,
    diff:
      definition && latest
        ? {
            formId,
            fromVersion: latest.version,
            toVersion: null,
            changes: diffForms(latest, definition),
          }
        : null,
  }
}

/** The next version of the form: settings and title default to the latest version's. */
function composeCandidate(
  formId: string,
  draft: XlsFormDraft,
  latest: FormDefinition | undefined,
  issues: IssueList,
): unknown {
  const version = (latest?.version ?? 0) + 1
  if (draft.declaredVersion !== undefined && draft.declaredVersion !== String(version)) {
    issues.warning(
      'version_replaced',
      `settings.version "${draft.declaredVersion}" is replaced by ${version}, the next version on this server`,
      { sheet: 'settings', column: 'version' },
    )
  }
  const title = draft.title ?? latest?.title
  if (!draft.title) {
    issues.warning(
      'title_assumed',
      'settings has no Vietnamese form_title: the current title is kept',
      { sheet: 'settings', column: 'form_title' },
    )
  }
  const settings = {
    ...(latest?.settings ?? {}),
    ...(draft.adultAge !== undefined ? { adultAge: draft.adultAge } : {}),
  }
  return { id: formId, version, title, settings, sections: draft.sections }
}
