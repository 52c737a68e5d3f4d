import type { MainContext } from '../../src/main/context'
import { startDraft, updateDraftAnswers } from '../../src/main/drafts/draft.service'
import { finalizeDraft } from '../../src/main/drafts/draft-finalize.service'
import type { FormResponse } from '../../src/shared/forms/form-response.schema'
import { FIXTURE_VILLAGE, FIXTURE_VISIT_DATE } from '../support/household-fixtures'

export interface RecordOptions {
  householdId?: string
  villageCode?: string
  visitDate?: string
  enumeratorId?: string | null
}

/**
 * Records a visit the way the app does: start a draft (new household or revisit), write
 * the whole response into it, finalize with warnings confirmed. Throws unless saved.
 */
export async function recordVisit(
  ctx: MainContext,
  response: FormResponse,
  options: RecordOptions = {},
): Promise<{ householdId: string; revisionId: string; draftId: string }> {
  const draft = await startDraft(ctx, {
    villageCode: options.villageCode ?? FIXTURE_VILLAGE,
    ...(options.householdId ? { householdId: options.householdId } : {}),
  })
  await updateDraftAnswers(ctx, {
    id: draft.id,
    response,
    cursor: null,
    visitDate: options.visitDate ?? FIXTURE_VISIT_DATE,
    ...(options.enumeratorId !== undefined ? { enumeratorId: options.enumeratorId } : {}),
  })
  const result = await finalizeDraft(ctx, { id: draft.id, confirmWarnings: true })
  if (result.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(result)}`)
  return { householdId: result.householdId, revisionId: result.revisionId, draftId: draft.id }
}
