import type { Kysely, Transaction } from 'kysely'
import type { EnrolledVillage } from '../../shared/api/http/devices.contract'
import {
  type FormDefinition,
  formDefinitionSchema,
} from '../../shared/forms/form-definition.schema'
import { listVersionRows } from '../forms/form-version.repository'
import { findCommune, findProvince } from '../places/official-units'
import { ProvinceNotSetError } from '../places/places.errors'
import { getProvinceCode } from '../settings/server-settings'
import type { ServerDatabase } from '../store/server-database.types'
import { CommuneOutsideProvinceError } from './device-errors'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

export interface Place {
  code: string
  name: string
}

/** The server's province and one of its communes, by official code and name. */
export interface CommunePlace {
  province: Place
  commune: Place
}

/**
 * Checks that a commune belongs to the server's province and names both. Throws
 * ProvinceNotSetError before first-run setup and CommuneOutsideProvinceError otherwise.
 */
export async function resolveCommune(db: Db, communeCode: string): Promise<CommunePlace> {
  const provinceCode = await getProvinceCode(db)
  const province = provinceCode ? findProvince(provinceCode) : undefined
  if (!province) throw new ProvinceNotSetError()
  const commune = findCommune(communeCode)
  if (!commune || commune.provinceCode !== province.code) {
    throw new CommuneOutsideProvinceError(communeCode)
  }
  return {
    province: { code: province.code, name: province.name },
    commune: { code: commune.code, name: commune.name },
  }
}

/** The official name of a commune, or null for a code no longer in the official list. */
export function communeName(code: string): string | null {
  return findCommune(code)?.name ?? null
}

/**
 * The commune's active villages, by name, as a device needs them to survey: with their
 * registered households, so coverage is known before the device's first pull.
 */
export async function communeVillages(db: Db, communeCode: string): Promise<EnrolledVillage[]> {
  const rows = await db
    .selectFrom('villages')
    .select(['code', 'name', 'registered_households'])
    .where('commune_code', '=', communeCode)
    .where('active', '=', 1)
    .orderBy('name')
    .orderBy('code')
    .execute()
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    // PostgreSQL may hand integer columns back as strings.
    registeredHouseholds: Number(row.registered_households),
  }))
}

/**
 * Every published form version (the built-in one included), oldest first within each form:
 * an enrolment file and the enrol answer carry them all, so the laptop records on the newest
 * and reads any version it may meet without a pull (a laptop enrolled by file may never pull).
 */
export async function publishedFormVersions(db: Kysely<ServerDatabase>): Promise<FormDefinition[]> {
  const rows = await listVersionRows(db)
  const forms = rows.map((row) => formDefinitionSchema.parse(JSON.parse(row.definition_json)))
  return forms.sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version)
}
