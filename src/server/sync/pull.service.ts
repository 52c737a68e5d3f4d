import type { PulledHousehold, SyncPull } from '../../shared/api/http/sync.contract'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import type { ServerContext } from '../server-context'
import { listConflicts } from './conflict.repository'

export interface PullInput {
  cursor: number
  limit: number
  withDefinitions?: boolean
}

/** Open conflicts a device receives at most per pull; the console lists them all. */
const MAX_PULLED_CONFLICTS = 500

/**
 * What a device of `communeCode` pulls (DESIGN.md §5, principle 7): its commune's
 * households changed after `cursor` in change-sequence order (a page of `limit`), the
 * commune's villages, the published form versions (definitions on a first pull or when
 * asked) and the commune's open conflicts. Nothing of another commune is ever answered.
 */
export async function pullChanges(
  ctx: ServerContext,
  communeCode: string,
  input: PullInput,
): Promise<SyncPull> {
  const rows = await ctx.db
    .selectFrom('households')
    .select([
      'id',
      'village_code',
      'revision_id',
      'hlc',
      'change_seq',
      'merged',
      'form_id',
      'form_version',
      'visit_date',
      'response_json',
    ])
    .where('commune_code', '=', communeCode)
    .where('change_seq', '>', input.cursor)
    .orderBy('change_seq')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  const households: PulledHousehold[] = page.map((row) => ({
    id: row.id,
    villageCode: row.village_code,
    revisionId: row.revision_id,
    hlc: row.hlc,
    changeSeq: Number(row.change_seq),
    merged: Number(row.merged) === 1,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    visitDate: row.visit_date,
    response: JSON.parse(row.response_json) as FormResponse,
  }))
  const last = households.at(-1)
  return {
    households,
    villages: await communeVillages(ctx, communeCode),
    forms: await publishedForms(ctx, input.cursor === 0 || input.withDefinitions === true),
    conflicts: (
      await listConflicts(ctx.db, {
        communeCode,
        status: 'open',
        limit: MAX_PULLED_CONFLICTS,
        offset: 0,
      })
    ).items,
    nextCursor: last ? last.changeSeq : input.cursor,
    hasMore: rows.length > input.limit,
  }
}

async function communeVillages(ctx: ServerContext, communeCode: string) {
  const rows = await ctx.db
    .selectFrom('villages')
    .select(['code', 'name', 'registered_households', 'active'])
    .where('commune_code', '=', communeCode)
    .orderBy('code')
    .execute()
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    registeredHouseholds: Number(row.registered_households),
    active: Number(row.active) === 1,
  }))
}

async function publishedForms(ctx: ServerContext, withDefinitions: boolean) {
  const rows = await ctx.db
    .selectFrom('form_versions')
    .select(['form_id', 'version', 'published_at', 'definition_json'])
    .orderBy('form_id')
    .orderBy('version')
    .execute()
  return rows.map((row) => ({
    id: row.form_id,
    version: Number(row.version),
    publishedAt: row.published_at,
    ...(withDefinitions ? { definition: JSON.parse(row.definition_json) as FormDefinition } : {}),
  }))
}
