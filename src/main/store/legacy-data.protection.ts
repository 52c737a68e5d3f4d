import { type Kysely, sql } from 'kysely'
import type { FormDefinition } from '../../shared/forms/form-definition.schema'
import { type FormResponse, formResponseSchema } from '../../shared/forms/form-response.schema'
import { householdFacts } from '../../shared/household/household-facts'
import { householdRevisionSchema } from '../../shared/household/household-revision.schema'
import { type FieldCipher, isSealed } from '../crypto/field-cipher'
import { currentForm } from '../forms/local-forms'
import { rebuildSearchIndex } from '../household/household-search.repository'
import { householdSearchText } from '../household/household-text'
import { nameKey } from '../household/name-similarity'
import { personalValues } from '../household/personal-data'
import { replacePiiIndex } from '../household/pii-index.repository'
import { isFullRecord } from '../household/visit-kind'
import { deleteSetting, getSetting } from '../settings/settings.repository'
import type { LocalDatabase } from './local-database.types'
import { sealedAt } from './sealed-columns'

/**
 * Brings a walking-skeleton store (clear-text responses, phones in the search text) up to
 * the protected format, once, right after migration 0002 marked it 'legacy':
 *
 * 1. in one transaction: seal every clear response, roster row and outbox payload, drop
 *    phone digits from the search text and index phones and citizen ids by keyed hash;
 * 2. VACUUM, so no page of the file keeps an old clear copy, then rebuild the search index
 *    (VACUUM may renumber rowids) and truncate the WAL.
 *
 * Idempotent: a crash at any point leaves the 'legacy' mark, and the next start redoes
 * what is left (sealed values are recognised and skipped).
 */
export async function protectLegacyData(
  db: Kysely<LocalDatabase>,
  cipher: FieldCipher,
): Promise<boolean> {
  if ((await getSetting(db, 'data_protection')) !== 'legacy') return false
  await db.transaction().execute(async (trx) => {
    await sealVisits(trx, cipher)
    await sealMembers(trx, cipher)
    const latest = await sealRevisions(trx, cipher)
    await reindexHouseholds(trx, cipher, latest)
  })
  await sql`vacuum`.execute(db)
  await rebuildSearchIndex(db)
  await sql`pragma wal_checkpoint(truncate)`.execute(db)
  await deleteSetting(db, 'data_protection')
  return true
}

async function sealVisits(db: Kysely<LocalDatabase>, cipher: FieldCipher): Promise<void> {
  const rows = await db.selectFrom('visits').select(['id', 'response_json']).execute()
  for (const row of rows) {
    if (isSealed(row.response_json)) continue
    const response = formResponseSchema.parse(JSON.parse(row.response_json))
    await db
      .updateTable('visits')
      .set({
        response_json: cipher.sealJson(response, sealedAt.visitResponse(row.id)),
        visit_result: householdFacts(response).visitResult,
        full_record: isFullRecord(response) ? 1 : 0,
      })
      .where('id', '=', row.id)
      .execute()
  }
}

async function sealMembers(db: Kysely<LocalDatabase>, cipher: FieldCipher): Promise<void> {
  const rows = await db.selectFrom('members').select(['id', 'answers_json']).execute()
  for (const row of rows) {
    if (isSealed(row.answers_json)) continue
    await db
      .updateTable('members')
      .set({ answers_json: cipher.seal(row.answers_json, sealedAt.memberAnswers(row.id)) })
      .where('id', '=', row.id)
      .execute()
  }
}

/** Seals clear payloads; answers the response of each household's latest revision. */
async function sealRevisions(
  db: Kysely<LocalDatabase>,
  cipher: FieldCipher,
): Promise<Map<string, FormResponse>> {
  const latest = new Map<string, FormResponse>()
  const rows = await db
    .selectFrom('revisions as r')
    .innerJoin('households as h', 'h.latest_revision_id', 'r.id')
    .select(['r.id', 'r.household_id', 'r.payload_json'])
    .execute()
  const all = await db.selectFrom('revisions').select(['id', 'payload_json']).execute()
  const latestIds = new Map(rows.map((r) => [r.id, r.household_id]))
  for (const row of all) {
    const clear = isSealed(row.payload_json)
      ? cipher.open(row.payload_json, sealedAt.revisionPayload(row.id))
      : row.payload_json
    const householdId = latestIds.get(row.id)
    if (householdId) {
      latest.set(householdId, householdRevisionSchema.parse(JSON.parse(clear)).response)
    }
    if (isSealed(row.payload_json)) continue
    await db
      .updateTable('revisions')
      .set({ payload_json: cipher.seal(clear, sealedAt.revisionPayload(row.id)) })
      .where('id', '=', row.id)
      .execute()
  }
  return latest
}

/** Search text without phones, and keyed hashes of phones and citizen ids. */
async function reindexHouseholds(
  db: Kysely<LocalDatabase>,
  cipher: FieldCipher,
  latest: Map<string, FormResponse>,
): Promise<void> {
  const form: FormDefinition = currentForm(db)
  for (const [householdId, response] of latest) {
    const facts = householdFacts(response)
    await db
      .updateTable('households')
      .set({
        search_text: householdSearchText(facts.headName, facts.memberNames, facts.address),
        head_key: nameKey(facts.headName),
      })
      .where('id', '=', householdId)
      .execute()
    const hashes = personalValues(form, response).map((p) => ({
      kind: p.kind,
      hmac: cipher.blindIndex(p.kind, p.value),
    }))
    await replacePiiIndex(db, householdId, hashes)
  }
}
