import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { findDuplicates } from './duplicates.service'
import {
  getHousehold,
  getHouseholdVisit,
  listHouseholds,
  listHouseholdVisits,
} from './household.service'

type Input<N extends keyof IpcContract & string> = ParsedInput<IpcContract, N>

/** households.list: households filtered by village, status and an accent-free search. */
export const listHouseholdsHandler = (ctx: MainContext, input: Input<'households.list'>) =>
  listHouseholds(ctx, input)

/** households.get: one household with its latest response. */
export const getHouseholdHandler = (ctx: MainContext, input: Input<'households.get'>) =>
  getHousehold(ctx, input.id)

/** households.visits: the household's visit history, newest first. */
export const householdVisitsHandler = (ctx: MainContext, input: Input<'households.visits'>) =>
  listHouseholdVisits(ctx, input.householdId)

/** households.visit: one visit with the state before it. */
export const householdVisitHandler = (ctx: MainContext, input: Input<'households.visit'>) =>
  getHouseholdVisit(ctx, input.visitId)

/** households.findDuplicates: possible duplicates of a household being recorded. */
export const findDuplicatesHandler = (
  ctx: MainContext,
  input: Input<'households.findDuplicates'>,
) => findDuplicates(ctx, input)
