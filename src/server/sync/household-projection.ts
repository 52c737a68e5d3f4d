import type { Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { householdFacts, householdSearchText } from '../../shared/household/household-facts'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import { applyIndicatorChanges } from '../indicators/indicator-changes'
import type { StoreDialect } from '../store/server-database'
import type {
  HouseholdTable,
  MemberTable,
  ServerDatabase,
  VisitTable,
} from '../store/server-database.types'
import type { ChangeSequence } from './change-sequence'
import { refoldHousehold } from './household-refold'
import { chunked, insertRows, type RowsInsert, upsertById } from './ingest-chunks'
import { IngestJson } from './ingest-json'

type Trx = Transaction<ServerDatabase>

/** What the household row takes from its newest revision. */
export interface HeadRevision {
  id: string
  householdId: string
  communeCode: string
  villageCode: string
  visitDate: string
  hlc: string
  deviceId: string
  formId: string
  formVersion: number
}

/** An accepted revision just appended to the log, with the cleaned response it carries. */
export interface AcceptedRevision {
  revision: HouseholdRevision
  response: FormResponse
}

/** A household's new current state. */
interface HouseholdWrite {
  head: HeadRevision
  response: FormResponse
  merged: boolean
}

interface StoredHead {
  revisionId: string
  hlc: string
  /** A merged state is not its head revision's response: an edit from it must be merged. */
  merged: boolean
}

/**
 * Folds the accepted revisions of one ingest (already in the log, in batch order) into the
 * current state of their households, visits and members, numbering each changed household
 * once for the pull. Per household:
 * - when every revision of the batch either starts it (a household new to the server) or
 *   was made from the state before it and is newer (a chain from the current head), the
 *   last one becomes the state whole;
 * - anything else (an edit concurrent with the state, or a late older revision) is settled
 *   by re-merging every accepted revision of the household in stamp order (household-refold),
 *   so the same set of revisions gives the same state whatever order they arrived in.
 * The state is what ingesting the revisions one by one would leave; it is written with one
 * multi-row statement per table (and chunk) instead of a few statements per revision.
 * `json` holds the JSON texts the ingest already made (the response of a revision just
 * logged), so that each is written once.
 *
 * @returns how many households changed
 */
export async function projectRevisions(
  trx: Trx,
  dialect: StoreDialect,
  accepted: readonly AcceptedRevision[],
  receivedAt: string,
  seq: ChangeSequence,
  json: IngestJson = new IngestJson(),
): Promise<number> {
  if (accepted.length === 0) return 0
  const byHousehold = new Map<string, AcceptedRevision[]>()
  for (const entry of accepted) {
    const list = byHousehold.get(entry.revision.householdId)
    if (list) list.push(entry)
    else byHousehold.set(entry.revision.householdId, [entry])
  }
  const heads = await storedHeads(trx, [...byHousehold.keys()])
  const writes: HouseholdWrite[] = []
  for (const householdId of writeOrder(accepted)) {
    const entries = byHousehold.get(householdId) ?? []
    const last = chainEnd(heads.get(householdId), entries)
    if (last) {
      writes.push({ head: last.revision, response: last.response, merged: false })
    } else {
      writes.push(await refoldHousehold(trx, householdId, receivedAt))
    }
  }
  const rows = writes.map((write) => householdRow(write, receivedAt, seq.next(), json))
  await insertRows(trx, dialect, HOUSEHOLD_UPSERT, rows)
  await replaceMembers(trx, dialect, writes, json)
  await upsertVisits(trx, dialect, accepted)
  await applyIndicatorChanges(trx, dialect, writes, accepted)
  return writes.length
}

/**
 * Households in the order of their last revision in the batch: the order in which ingesting
 * revision by revision writes them last (which matters when a member moves between them).
 */
function writeOrder(accepted: readonly AcceptedRevision[]): string[] {
  const seen = new Set<string>()
  const order: string[] = []
  for (let i = accepted.length - 1; i >= 0; i--) {
    const id = accepted[i]?.revision.householdId
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    order.push(id)
  }
  return order.reverse()
}

/** The batch's last revision when they all chain from the stored head; null when a merge is due. */
function chainEnd(
  stored: StoredHead | undefined,
  entries: readonly AcceptedRevision[],
): AcceptedRevision | null {
  let head = stored ?? null
  let last: AcceptedRevision | null = null
  for (const entry of entries) {
    const { revision } = entry
    if (
      head &&
      (head.merged || !(revision.baseRevisionId === head.revisionId && revision.hlc > head.hlc))
    ) {
      return null
    }
    head = { revisionId: revision.id, hlc: revision.hlc, merged: false }
    last = entry
  }
  return last
}

async function storedHeads(trx: Trx, ids: readonly string[]): Promise<Map<string, StoredHead>> {
  const heads = new Map<string, StoredHead>()
  for (const chunk of chunked(ids, 1)) {
    const rows = await trx
      .selectFrom('households')
      .select(['id', 'revision_id', 'hlc', 'merged'])
      .where('id', 'in', chunk)
      .execute()
    for (const row of rows) {
      heads.set(row.id, {
        revisionId: row.revision_id,
        hlc: row.hlc,
        merged: Number(row.merged) === 1,
      })
    }
  }
  return heads
}

/** Inserts new households and updates known ones (keeping their first receipt time). */
const HOUSEHOLD_UPSERT: RowsInsert<HouseholdTable> = {
  table: 'households',
  columns: {
    id: 'text',
    commune_code: 'text',
    village_code: 'text',
    head_name: 'text',
    search_text: 'text',
    address: 'text',
    member_count: 'int8',
    visit_result: 'text',
    visit_date: 'text',
    revision_id: 'text',
    hlc: 'text',
    device_id: 'text',
    form_id: 'text',
    form_version: 'int8',
    response_json: 'text',
    received_at: 'text',
    updated_at: 'text',
    merged: 'int8',
    change_seq: 'int8',
  },
  tail: upsertById([
    'commune_code',
    'village_code',
    'head_name',
    'search_text',
    'address',
    'member_count',
    'visit_result',
    'visit_date',
    'revision_id',
    'hlc',
    'device_id',
    'form_id',
    'form_version',
    'response_json',
    'updated_at',
    'merged',
    'change_seq',
  ]),
}

function householdRow(
  write: HouseholdWrite,
  receivedAt: string,
  changeSeq: number,
  json: IngestJson,
): HouseholdTable {
  const { head, response } = write
  const facts = householdFacts(response)
  return {
    id: head.householdId,
    commune_code: head.communeCode,
    village_code: head.villageCode,
    head_name: facts.headName,
    search_text: householdSearchText(response),
    address: facts.address,
    member_count: facts.memberCount,
    visit_result: facts.visitResult,
    visit_date: head.visitDate,
    revision_id: head.id,
    hlc: head.hlc,
    device_id: head.deviceId,
    form_id: head.formId,
    form_version: head.formVersion,
    response_json: json.response(response),
    received_at: receivedAt,
    updated_at: receivedAt,
    merged: write.merged ? 1 : 0,
    change_seq: changeSeq,
  }
}

/**
 * Each state's roster replaces the stored one; row ids keep members stable. A member id
 * already held by another household means the person moved: the household written last
 * holds them, as when the revisions are ingested one by one.
 */
async function replaceMembers(
  trx: Trx,
  dialect: StoreDialect,
  writes: readonly HouseholdWrite[],
  json: IngestJson,
): Promise<void> {
  for (const chunk of chunked(writes, 1)) {
    const ids = chunk.map((write) => write.head.householdId)
    await trx.deleteFrom('members').where('household_id', 'in', ids).execute()
  }
  const rows = new Map<string, MemberTable>()
  for (const { head, response } of writes) {
    for (const [position, row] of (response.repeats.members ?? []).entries()) {
      // Deleted first, so a moved member takes the place of the last household to hold them.
      rows.delete(row.id)
      rows.set(row.id, {
        id: row.id,
        household_id: head.householdId,
        position,
        full_name: typeof row.answers.full_name === 'string' ? row.answers.full_name : '',
        answers_json: json.answers(row.answers),
      })
    }
  }
  await insertRows(trx, dialect, MEMBER_UPSERT, [...rows.values()])
}

const MEMBER_UPSERT: RowsInsert<MemberTable> = {
  table: 'members',
  columns: {
    id: 'text',
    household_id: 'text',
    position: 'int8',
    full_name: 'text',
    answers_json: 'text',
  },
  tail: upsertById(['household_id', 'position', 'full_name', 'answers_json']),
}

/**
 * Each visit row holds its newest revision's facts: the batch's newest per visit id (the
 * first of equal stamps), and a stored row only gives way to a newer stamp.
 */
async function upsertVisits(
  trx: Trx,
  dialect: StoreDialect,
  accepted: readonly AcceptedRevision[],
): Promise<void> {
  const rows = new Map<string, VisitTable>()
  for (const { revision, response } of accepted) {
    const held = rows.get(revision.visitId)
    if (held && held.hlc >= revision.hlc) continue
    rows.set(revision.visitId, {
      id: revision.visitId,
      // The first revision of a visit names its household; later ones do not move it.
      household_id: held?.household_id ?? revision.householdId,
      revision_id: revision.id,
      hlc: revision.hlc,
      visit_date: revision.visitDate,
      visit_result: householdFacts(response).visitResult,
    })
  }
  await insertRows(trx, dialect, VISIT_UPSERT, [...rows.values()])
}

/** A stored visit only gives way to a newer stamp. */
const VISIT_UPSERT: RowsInsert<VisitTable> = {
  table: 'visits',
  columns: {
    id: 'text',
    household_id: 'text',
    revision_id: 'text',
    hlc: 'text',
    visit_date: 'text',
    visit_result: 'text',
  },
  tail: `${upsertById(['revision_id', 'hlc', 'visit_date', 'visit_result'])} where "visits"."hlc" < excluded."hlc"`,
}
