import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import {
  discardDraft,
  getDraft,
  listOpenDrafts,
  startDraft,
  updateDraftAnswers,
} from './draft.service'
import { finalizeDraft } from './draft-finalize.service'

type Input<N extends keyof IpcContract & string> = ParsedInput<IpcContract, N>

/** drafts.listOpen: visits in progress, most recent first. */
export const listOpenDraftsHandler = (ctx: MainContext) => listOpenDrafts(ctx)

/** drafts.start: resume the household's draft, or start a revisit or a new household. */
export const startDraftHandler = (ctx: MainContext, input: Input<'drafts.start'>) =>
  startDraft(ctx, input)

/** drafts.get: one draft. */
export const getDraftHandler = (ctx: MainContext, input: Input<'drafts.get'>) =>
  getDraft(ctx, input.id)

/** drafts.update: the autosave. */
export const updateDraftHandler = (ctx: MainContext, input: Input<'drafts.update'>) =>
  updateDraftAnswers(ctx, input)

/** drafts.finalize: validate, then save the visit (or say what stops it). */
export const finalizeDraftHandler = (ctx: MainContext, input: Input<'drafts.finalize'>) =>
  finalizeDraft(ctx, input)

/** drafts.discard: throw a visit in progress away. */
export const discardDraftHandler = (ctx: MainContext, input: Input<'drafts.discard'>) =>
  discardDraft(ctx, input.id)
