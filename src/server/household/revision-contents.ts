import type { Kysely, Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import type { ServerDatabase } from '../store/server-database.types'
import { chunked } from '../sync/ingest-chunks'

/** A stored revision as it was received, and the response the server kept of it. */
export interface RevisionContent {
  revision: HouseholdRevision
  /** The cleaned response when the revision was accepted and cleaning changed it; else the sent one. */
  response: FormResponse
}

/**
 * The contents of stored revisions, by id (unknown ids are left out). The console reads
 * revision payloads only through here, so that how payloads are stored may change in one
 * place (today: the revision's JSON in `payload_json`, the cleaned response beside it).
 */
export async function readRevisionContents(
  db: Kysely<ServerDatabase> | Transaction<ServerDatabase>,
  ids: readonly string[],
): Promise<Map<string, RevisionContent>> {
  const contents = new Map<string, RevisionContent>()
  for (const chunk of chunked([...new Set(ids)], 1)) {
    const rows = await db
      .selectFrom('revisions')
      .select(['id', 'payload_json', 'clean_response_json'])
      .where('id', 'in', chunk)
      .execute()
    for (const row of rows) {
      const revision = JSON.parse(row.payload_json) as HouseholdRevision
      const response = row.clean_response_json
        ? (JSON.parse(row.clean_response_json) as FormResponse)
        : revision.response
      contents.set(row.id, { revision, response })
    }
  }
  return contents
}
