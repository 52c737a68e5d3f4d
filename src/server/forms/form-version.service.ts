import type { FormVersionSummary } from '../../shared/api/http/forms.contract'
import type { HttpOutput } from '../../shared/api/http.contract'
import { type FormDefinition, flattenQuestions } from '../../shared/forms/form-definition.schema'
import { diffForms } from '../../shared/forms/form-diff'
import { AppError, InvalidInputError, NotFoundError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import { requireUser } from '../auth/require-role'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import type { ServerContext } from '../server-context'
import { findPublishedForm, rememberPublishedForm } from './form-registry'
import {
  type FormVersionRow,
  findVersionRow,
  insertVersionRow,
  latestVersionRow,
  listVersionRows,
} from './form-version.repository'

/** Another admin published this version number first (HTTP 409): reload and try again. */
export class FormVersionTakenError extends AppError {
  constructor(formId: string, version: number) {
    super('conflict', `Version ${version} of "${formId}" was published meanwhile`)
    this.name = 'FormVersionTakenError'
  }
}

/** Every published version with its metadata, newest first per form. */
export async function listFormVersions(
  ctx: ServerContext,
  formId: string | undefined,
): Promise<HttpOutput<'forms.list'>> {
  const rows = await listVersionRows(ctx.db, formId)
  const newest = new Map<string, number>()
  for (const row of rows)
    newest.set(row.form_id, Math.max(newest.get(row.form_id) ?? 0, row.version))
  const items: FormVersionSummary[] = []
  for (const row of rows) {
    const definition = await publishedDefinition(ctx, row.form_id, row.version)
    items.push(summarize(row, definition, newest.get(row.form_id) === row.version))
  }
  return { items }
}

/** One published version with its definition; 404 when it does not exist. */
export async function getFormVersion(
  ctx: ServerContext,
  formId: string,
  version: number,
): Promise<HttpOutput<'forms.get'>> {
  const row = await findVersionRow(ctx.db, formId, version)
  if (!row) throw new NotFoundError(`form ${formId} version ${version}`)
  const definition = await publishedDefinition(ctx, formId, version)
  const latest = await latestVersionRow(ctx.db, formId)
  return { ...summarize(row, definition, latest?.version === version), definition }
}

/** A candidate against the latest (or a chosen) published version, or two published versions. */
export async function diffFormVersions(
  ctx: ServerContext,
  input: HttpParsedInput<'forms.diff'>,
): Promise<HttpOutput<'forms.diff'>> {
  if ('definition' in input) {
    const formId = input.definition.id
    const base = input.baseVersion ?? (await latestVersionRow(ctx.db, formId))?.version
    if (base === undefined) throw new NotFoundError(`form ${formId}`)
    const before = await publishedDefinition(ctx, formId, base)
    return {
      formId,
      fromVersion: base,
      toVersion: null,
      changes: diffForms(before, input.definition),
    }
  }
  const before = await publishedDefinition(ctx, input.formId, input.fromVersion)
  const after = await publishedDefinition(ctx, input.formId, input.toVersion)
  return {
    formId: input.formId,
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
    changes: diffForms(before, after),
  }
}

/**
 * Publishes the next version of a form: the definition must be valid (the contract checks
 * it), name the form, be numbered latest + 1 and differ from the latest. Stored with its
 * audit entry in one transaction; never changed afterwards.
 */
export async function publishFormVersion(
  ctx: RequestContext,
  input: HttpParsedInput<'forms.publish'>,
): Promise<HttpOutput<'forms.publish'>> {
  const user = requireUser(ctx)
  const { formId, definition, source } = input
  if (definition.id !== formId) {
    throw new InvalidInputError(`definition.id: "${definition.id}" is not the form "${formId}"`)
  }
  const latestRow = await latestVersionRow(ctx.db, formId)
  if (!latestRow) throw new NotFoundError(`form ${formId}`)
  const next = latestRow.version + 1
  if (definition.version !== next) {
    throw new InvalidInputError(
      `definition.version: must be ${next} (the latest published version is ${latestRow.version})`,
    )
  }
  const latest = await publishedDefinition(ctx, formId, latestRow.version)
  const changes = diffForms(latest, definition)
  if (changes.length === 0) {
    throw new InvalidInputError(`definition: nothing changed since version ${latestRow.version}`)
  }
  const row: FormVersionRow = {
    form_id: formId,
    version: next,
    definition_json: JSON.stringify(definition),
    source,
    published_at: new Date(ctx.clock.now()).toISOString(),
    published_by: user.username,
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await insertVersionRow(trx, row))) throw new FormVersionTakenError(formId, next)
    await recordAudit(trx, ctx, {
      action: 'forms.version_published',
      targetType: 'form',
      targetId: `${formId}@${next}`,
      details: { formId, version: next, source, changes: changes.length },
    })
  })
  rememberPublishedForm(ctx.db, definition)
  return { ...summarize(row, definition, true), changes }
}

async function publishedDefinition(
  ctx: ServerContext,
  formId: string,
  version: number,
): Promise<FormDefinition> {
  const definition = await findPublishedForm(ctx.db, formId, version)
  if (!definition) throw new NotFoundError(`form ${formId} version ${version}`)
  return definition
}

function summarize(
  row: FormVersionRow,
  definition: FormDefinition,
  latest: boolean,
): FormVersionSummary {
  return {
    formId: row.form_id,
    version: row.version,
    title: definition.title,
    source: row.source === 'json' || row.source === 'xlsform' ? row.source : 'builtin',
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    sectionCount: definition.sections.length,
    questionCount: definition.sections.reduce((n, s) => n + flattenQuestions(s.items).length, 0),
    latest,
  }
}
