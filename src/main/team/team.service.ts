import type { Kysely } from 'kysely'
import type { TeamMember } from '../../shared/api/ipc.contract'
import { NotFoundError } from '../../shared/result'
import { foldText } from '../../shared/text/fold'
import type { MainContext } from '../context'
import { deleteSetting, getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'
import { TeamError } from './team.errors'
import {
  findTeamMember,
  insertTeamMember,
  listTeamMembers,
  type TeamMemberRow,
  updateTeamMember,
} from './team.repository'

/** The team list and who records visits now. */
export async function listTeam(
  ctx: MainContext,
): Promise<{ members: TeamMember[]; currentId: string | null }> {
  const members = (await listTeamMembers(ctx.db)).map(toTeamMember)
  return { members, currentId: await currentTeamMemberId(ctx.db) }
}

/** Adds a team member (active). The first one added becomes the current one. */
export async function addTeamMember(ctx: MainContext, name: string): Promise<TeamMember> {
  return ctx.db.transaction().execute(async (trx) => {
    await checkNameFree(trx, name)
    const at = new Date(ctx.clock.now()).toISOString()
    const row: TeamMemberRow = {
      id: ctx.newId(),
      name: name.trim(),
      active: 1,
      created_at: at,
      updated_at: at,
    }
    await insertTeamMember(trx, row)
    if ((await currentTeamMemberId(trx)) === null)
      await setSetting(trx, 'current_team_member', row.id)
    return toTeamMember(row)
  })
}

/**
 * Renames or (de)activates a member. Members are never deleted: old visits name them.
 * Deactivating the current member leaves nobody current.
 */
export async function updateTeam(
  ctx: MainContext,
  input: { id: string; name?: string | undefined; active?: boolean | undefined },
): Promise<TeamMember> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findTeamMember(trx, input.id)
    if (!existing) throw new NotFoundError('team member')
    const name = input.name?.trim() ?? existing.name
    const active = input.active === undefined ? existing.active : input.active ? 1 : 0
    if (active === 1 && (foldText(name) !== foldText(existing.name) || existing.active === 0)) {
      await checkNameFree(trx, name, existing.id)
    }
    const updated_at = new Date(ctx.clock.now()).toISOString()
    await updateTeamMember(trx, existing.id, { name, active, updated_at })
    if (active === 0 && (await currentTeamMemberId(trx)) === existing.id) {
      await deleteSetting(trx, 'current_team_member')
    }
    return toTeamMember({ ...existing, name, active, updated_at })
  })
}

/** Makes an active member the one who records visits now (remembered across restarts). */
export async function setCurrentTeamMember(
  ctx: MainContext,
  id: string,
): Promise<{ currentId: string }> {
  const member = await findTeamMember(ctx.db, id)
  if (!member) throw new NotFoundError('team member')
  if (member.active !== 1) throw new TeamError('team_member_inactive', 'team member is deactivated')
  await setSetting(ctx.db, 'current_team_member', id)
  return { currentId: id }
}

/** The current team member's id, if one is set (and still active). */
export async function currentTeamMemberId(db: Kysely<LocalDatabase>): Promise<string | null> {
  const id = await getSetting(db, 'current_team_member')
  if (id === null) return null
  const member = await findTeamMember(db, id)
  return member?.active === 1 ? id : null
}

async function checkNameFree(
  db: Kysely<LocalDatabase>,
  name: string,
  exceptId?: string,
): Promise<void> {
  const key = foldText(name)
  const clash = (await listTeamMembers(db)).some(
    (m) => m.active === 1 && m.id !== exceptId && foldText(m.name) === key,
  )
  if (clash) throw new TeamError('team_name_taken', 'an active team member has this name')
}

function toTeamMember(row: TeamMemberRow): TeamMember {
  return { id: row.id, name: row.name, active: row.active === 1 }
}
