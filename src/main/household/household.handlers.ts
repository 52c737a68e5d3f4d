import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { getHousehold, listHouseholds, saveHousehold } from './household.service'

/** households.list: a village's (or every) household, filtered by an accent-free search. */
export const listHouseholdsHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'households.list'>,
) => listHouseholds(ctx, input)

/** households.get: one household with its latest response. */
export const getHouseholdHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'households.get'>,
) => getHousehold(ctx, input.id)

/** households.save: validate, then save a new revision (or report what blocks it). */
export const saveHouseholdHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'households.save'>,
) => saveHousehold(ctx, input)
