import type { Kysely } from 'kysely'
import type { FinalizeOutput } from '../../shared/api/ipc.contract'
import type { FormResponse } from '../../shared/forms/form-response.schema'
import { validateResponse } from '../../shared/forms/validate-response'
import { householdFacts } from '../../shared/household/household-facts'
import { NotFoundError } from '../../shared/result'
import type { MainContext } from '../context'
import { findLocalForm } from '../forms/local-forms'
import { findDuplicates } from '../household/duplicates.service'
import { personalValues } from '../household/personal-data'
import { saveVisit } from '../household/visit-save'
import { localVillageCodes } from '../places/village-catalog'
import type { LocalDatabase } from '../store/local-database.types'
import { openResponse, sealedAt } from '../store/sealed-columns'
import { findTeamMember } from '../team/team.repository'
import { type DraftRow, deleteDraft, findDraft } from './draft.repository'

/** Question holding the village code in the household form. */
const VILLAGE_QUESTION = 'village'

/**
 * Turns a draft into a saved visit, all in one transaction (so an autosave cannot slip in
 * between the check and the save):
 * - errors → `invalid`, nothing written;
 * - warnings or possible duplicates, not yet confirmed → `needs_confirmation`, nothing
 *   written (duplicates: same citizen id anywhere; for a new household also a very similar
 *   head name in the village);
 * - otherwise the visit is saved (saveVisit) and the draft deleted → `saved`.
 */
export async function finalizeDraft(
  ctx: MainContext,
  input: { id: string; confirmWarnings: boolean },
): Promise<FinalizeOutput> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findDraft(trx, input.id)
    if (!row) throw new NotFoundError('draft')
    // The version the draft was started on, even if a newer one arrived since.
    const form = findLocalForm(row.form_id, row.form_version, ctx.db)
    const draftResponse = openResponse(ctx.cipher, row.response, sealedAt.draftResponse(row.id))
    const villages = await localVillageCodes(trx)
    const checked = validateResponse(form, withVillage(draftResponse, row.village_code), {
      visitDate: row.visit_date,
      villages,
    })
    if (checked.errors > 0) return { status: 'invalid', issues: checked.issues }

    const warnings = checked.issues.filter((i) => i.severity === 'warning')
    if (!input.confirmWarnings) {
      const duplicates = await possibleDuplicates(trx, ctx, row, checked.response, form)
      if (warnings.length > 0 || duplicates.length > 0) {
        return { status: 'needs_confirmation', warnings, duplicates }
      }
    }

    const saved = await saveVisit(trx, ctx, {
      householdId: row.household_id,
      villageCode: row.village_code,
      visitDate: row.visit_date,
      form,
      response: checked.response,
      enumerator: await enumeratorOf(trx, row),
    })
    if (!(await deleteDraft(trx, row.id))) throw new NotFoundError('draft')
    return {
      status: 'saved',
      householdId: saved.householdId,
      revisionId: saved.revisionId,
      warnings,
    }
  })
}

async function possibleDuplicates(
  trx: Kysely<LocalDatabase>,
  ctx: MainContext,
  row: DraftRow,
  response: FormResponse,
  form: ReturnType<typeof findLocalForm>,
) {
  const facts = householdFacts(response)
  const citizenIds = personalValues(form, response)
    .filter((p) => p.kind === 'citizen_id')
    .map((p) => p.value)
  return findDuplicates(
    { db: trx, cipher: ctx.cipher },
    {
      villageCode: facts.villageCode ?? row.village_code,
      citizenIds,
      // A revisited household is not flagged again for sharing its head's name.
      ...(row.household_id === null
        ? { headName: facts.headName }
        : { excludeHouseholdId: row.household_id }),
    },
  )
}

/** The team member named on the draft, as named now (the revision keeps that name). */
async function enumeratorOf(
  trx: Kysely<LocalDatabase>,
  row: DraftRow,
): Promise<{ id: string; name: string } | null> {
  if (row.enumerator_id === null) return null
  const member = await findTeamMember(trx, row.enumerator_id)
  return member ? { id: member.id, name: member.name } : null
}

/**
 * The form's own village answer wins (the team member may have moved the household); the
 * village the draft was started in only fills a blank one.
 */
function withVillage(response: FormResponse, villageCode: string): FormResponse {
  const current = response.answers[VILLAGE_QUESTION]
  if (current !== undefined && current !== null && current !== '') return response
  return { ...response, answers: { ...response.answers, [VILLAGE_QUESTION]: villageCode } }
}
