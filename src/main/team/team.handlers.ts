import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { addTeamMember, listTeam, setCurrentTeamMember, updateTeam } from './team.service'

type Input<N extends keyof IpcContract & string> = ParsedInput<IpcContract, N>

/** team.list: the team and who records visits now. */
export const listTeamHandler = (ctx: MainContext) => listTeam(ctx)

/** team.add: a new active member. */
export const addTeamHandler = (ctx: MainContext, input: Input<'team.add'>) =>
  addTeamMember(ctx, input.name)

/** team.update: rename or (de)activate. */
export const updateTeamHandler = (ctx: MainContext, input: Input<'team.update'>) =>
  updateTeam(ctx, input)

/** team.setCurrent: who records visits now. */
export const setCurrentTeamHandler = (ctx: MainContext, input: Input<'team.setCurrent'>) =>
  setCurrentTeamMember(ctx, input.id)
