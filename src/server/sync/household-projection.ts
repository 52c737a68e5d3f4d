import type { Transaction } from 'kysely'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { householdFacts, householdSearchText } from '../../shared/household/household-facts'
import type { HouseholdRevision } from '../../shared/household/household-revision.schema'
import type { HouseholdTable, ServerDatabase } from '../store/server-database.types'
import type { ChangeSequence } from './change-sequence'
import { refoldHousehold } from './household-refold'

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

/**
 * Folds an accepted revision (already in the log) into the current state of its household,
 * visit and members, numbering the change for the pull:
 * - a new household, or a revision made from the household's current revision and newer
 *   than it, becomes the state whole;
 * - anything else (an edit concurrent with the current state, or a late older revision) is
 *   settled by re-merging every accepted revision of the household in stamp order, so the
 *   same set of revisions gives the same state whatever order they arrived in.
 *
 * @returns whether the household changed
 */
export async function projectRevision(
  trx: Trx,
  revision: HouseholdRevision,
  response: FormResponse,
  receivedAt: string,
  seq: ChangeSequence,
): Promise<boolean> {
  const stored = await trx
    .selectFrom('households')
    .select(['revision_id', 'hlc'])
    .where('id', '=', revision.householdId)
    .executeTakeFirst()
  if (!stored) {
    await writeHousehold(trx, revision, response, { receivedAt, merged: false, seq, insert: true })
  } else if (revision.baseRevisionId === stored.revision_id && revision.hlc > stored.hlc) {
    await writeHousehold(trx, revision, response, { receivedAt, merged: false, seq, insert: false })
  } else {
    const folded = await refoldHousehold(trx, revision.householdId, receivedAt)
    await writeHousehold(trx, folded.head, folded.response, {
      receivedAt,
      merged: folded.merged,
      seq,
      insert: false,
    })
  }
  await upsertVisit(trx, revision, response)
  return true
}

interface WriteOptions {
  receivedAt: string
  merged: boolean
  seq: ChangeSequence
  /** A first revision: insert the row (keeping its first receipt time). */
  insert: boolean
}

/** Writes the household's current state and its roster. */
export async function writeHousehold(
  trx: Trx,
  head: HeadRevision,
  response: FormResponse,
  options: WriteOptions,
): Promise<void> {
  const facts = householdFacts(response)
  const state = {
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
    response_json: JSON.stringify(response),
    updated_at: options.receivedAt,
    merged: options.merged ? 1 : 0,
    change_seq: options.seq.next(),
  } satisfies Omit<HouseholdTable, 'id' | 'received_at'>
  if (options.insert) {
    await trx
      .insertInto('households')
      .values({ id: head.householdId, received_at: options.receivedAt, ...state })
      .execute()
  } else {
    await trx.updateTable('households').set(state).where('id', '=', head.householdId).execute()
  }
  await replaceMembers(trx, head.householdId, response)
}

async function upsertVisit(
  trx: Trx,
  revision: HouseholdRevision,
  response: FormResponse,
): Promise<void> {
  await trx
    .insertInto('visits')
    .values({
      id: revision.visitId,
      household_id: revision.householdId,
      revision_id: revision.id,
      hlc: revision.hlc,
      visit_date: revision.visitDate,
      visit_result: householdFacts(response).visitResult,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          revision_id: eb.ref('excluded.revision_id'),
          hlc: eb.ref('excluded.hlc'),
          visit_date: eb.ref('excluded.visit_date'),
          visit_result: eb.ref('excluded.visit_result'),
        }))
        .whereRef('visits.hlc', '<', 'excluded.hlc'),
    )
    .execute()
}

/** The current state's roster replaces the stored one; row ids keep members stable. */
async function replaceMembers(
  trx: Trx,
  householdId: string,
  response: FormResponse,
): Promise<void> {
  await trx.deleteFrom('members').where('household_id', '=', householdId).execute()
  const rows = (response.repeats.members ?? []).map((row, position) => ({
    id: row.id,
    household_id: householdId,
    position,
    full_name: typeof row.answers.full_name === 'string' ? row.answers.full_name : '',
    answers_json: JSON.stringify(row.answers),
  }))
  if (rows.length === 0) return
  await trx
    .insertInto('members')
    .values(rows)
    // A member id already held by another household means the person moved: follow them.
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        household_id: eb.ref('excluded.household_id'),
        position: eb.ref('excluded.position'),
        full_name: eb.ref('excluded.full_name'),
        answers_json: eb.ref('excluded.answers_json'),
      })),
    )
    .execute()
}
