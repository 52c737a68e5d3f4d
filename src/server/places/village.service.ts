import type { Transaction, Updateable } from 'kysely'
import type { Village } from '../../shared/api/http/places.contract'
import { normalizeVillageName, villageNameKey } from '../../shared/places/village-name'
import { InvalidInputError } from '../../shared/result'
import { recordAudit } from '../audit/audit.service'
import { requireCommuneAccess } from '../auth/require-role'
import type { HttpParsedInput } from '../http/http-handler'
import type { RequestContext } from '../http/request-context'
import type { ServerDatabase } from '../store/server-database.types'
import { UnknownVillageError, VillageNameTakenError } from './places.errors'
import type { VillageTable } from './places.tables'
import { provinceCommune, serverProvince } from './server-province'
import { isUniqueViolation } from './unique-violation'
import {
  findVillage,
  findVillageByNameKey,
  householdsByVillage,
  insertVillage,
  toVillage,
  updateVillageRow,
  type VillageRow,
} from './village.repository'

/** A village name as stored, and its comparison key; blank after normalising is refused. */
function cleanName(raw: string): { name: string; key: string } {
  const name = normalizeVillageName(raw)
  const key = villageNameKey(name)
  if (!key) throw new InvalidInputError('name: a village name needs letters or digits')
  return { name, key }
}

/** Adds a village to a commune of the province under the commune's next code; audited. */
export async function createVillage(
  ctx: RequestContext,
  input: HttpParsedInput<'places.createVillage'>,
): Promise<Village> {
  requireCommuneAccess(ctx, input.communeCode)
  const commune = provinceCommune(await serverProvince(ctx.db), input.communeCode)
  const { name, key } = cleanName(input.name)
  const now = new Date(ctx.clock.now()).toISOString()
  return inTransaction(ctx, async (trx) => {
    const existing = await findVillageByNameKey(trx, commune.code, key)
    if (existing) throw new VillageNameTakenError(existing.code)
    const row = await insertVillage(trx, {
      commune_code: commune.code,
      name,
      name_key: key,
      registered_households: input.registeredHouseholds,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    if (!row) throw new VillageNameTakenError('created meanwhile')
    await recordAudit(trx, ctx, {
      action: 'places.village_created',
      targetType: 'village',
      targetId: row.code,
      communeCode: commune.code,
      details: { registeredHouseholds: row.registered_households },
    })
    return toVillage(row, 0)
  })
}

/** Renames a village, sets its registered households or (re)activates it; audited. */
export async function updateVillage(
  ctx: RequestContext,
  input: HttpParsedInput<'places.updateVillage'>,
): Promise<Village> {
  const { code, ...changes } = input
  return changeVillage(ctx, code, 'places.village_updated', (row, patch) => {
    if (changes.name !== undefined) {
      const { name, key } = cleanName(changes.name)
      if (name !== row.name) Object.assign(patch, { name, name_key: key })
    }
    if (
      changes.registeredHouseholds !== undefined &&
      changes.registeredHouseholds !== row.registered_households
    ) {
      patch.registered_households = changes.registeredHouseholds
    }
    const active = changes.active === undefined ? undefined : changes.active ? 1 : 0
    if (active !== undefined && active !== row.active) patch.active = active
  })
}

/** Takes a village out of use. Never deleted: records may still point at it. */
export function deactivateVillage(ctx: RequestContext, code: string): Promise<Village> {
  return changeVillage(ctx, code, 'places.village_deactivated', (row, patch) => {
    if (row.active !== 0) patch.active = 0
  })
}

type Patch = Updateable<VillageTable>

/**
 * Runs a village change in one transaction. The name checks inside see committed data;
 * a request that took the same name a moment earlier trips the unique key instead, and is
 * answered like any other name clash (409).
 */
async function inTransaction<T>(
  ctx: RequestContext,
  work: (trx: Transaction<ServerDatabase>) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work)
  } catch (error) {
    if (isUniqueViolation(error)) throw new VillageNameTakenError('taken meanwhile')
    throw error
  }
}

/**
 * Loads a village of the province, lets `plan` fill a patch of what actually changes, and
 * applies it with its audit entry in one transaction. A patch that changes nothing writes
 * nothing (asking twice to deactivate is harmless).
 */
async function changeVillage(
  ctx: RequestContext,
  code: string,
  action: string,
  plan: (row: VillageRow, patch: Patch) => void,
): Promise<Village> {
  const province = await serverProvince(ctx.db)
  const result = await inTransaction(ctx, async (trx) => {
    const row = await findVillage(trx, code)
    if (!row) throw new UnknownVillageError(code)
    provinceCommune(province, row.commune_code)
    requireCommuneAccess(ctx, row.commune_code)
    const patch: Patch = {}
    plan(row, patch)
    if (Object.keys(patch).length === 0) return row
    if (patch.name_key !== undefined && patch.name_key !== row.name_key) {
      const clash = await findVillageByNameKey(trx, row.commune_code, patch.name_key)
      if (clash && clash.code !== row.code) throw new VillageNameTakenError(clash.code)
    }
    patch.updated_at = new Date(ctx.clock.now()).toISOString()
    const updated = await updateVillageRow(trx, code, patch)
    await recordAudit(trx, ctx, {
      action,
      targetType: 'village',
      targetId: code,
      communeCode: row.commune_code,
      details: changedFields(row, patch),
    })
    return updated
  })
  const received = await householdsByVillage(ctx.db, result.commune_code)
  return toVillage(result, received.get(result.code) ?? 0)
}

/** What a patch changed, for the audit log: field names and numbers, never the names. */
function changedFields(row: VillageRow, patch: Patch): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  if (patch.name !== undefined) fields.renamed = true
  if (patch.registered_households !== undefined) {
    fields.registeredHouseholds = {
      from: row.registered_households,
      to: patch.registered_households,
    }
  }
  if (patch.active !== undefined) fields.active = { from: row.active === 1, to: patch.active === 1 }
  return fields
}
