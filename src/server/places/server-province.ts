import type { Kysely } from 'kysely'
import { getProvinceCode } from '../settings/server-settings'
import type { ServerDatabase } from '../store/server-database.types'
import {
  communesOf,
  findCommune,
  findProvince,
  type OfficialCommune,
  type OfficialProvince,
} from './official-units'
import { ProvinceNotSetError, UnknownCommuneError } from './places.errors'

/** The province chosen at first-run setup, resolved in the official list. */
export async function serverProvince(db: Kysely<ServerDatabase>): Promise<OfficialProvince> {
  const code = await getProvinceCode(db)
  const province = code ? findProvince(code) : undefined
  if (!province) throw new ProvinceNotSetError()
  return province
}

/** A commune of the server's province; any other code is a 404. */
export function provinceCommune(province: OfficialProvince, communeCode: string): OfficialCommune {
  const commune = findCommune(communeCode)
  if (!commune || commune.provinceCode !== province.code) throw new UnknownCommuneError(communeCode)
  return commune
}

/** Every commune of the server's province. */
export function provinceCommunes(province: OfficialProvince): readonly OfficialCommune[] {
  return communesOf(province.code)
}
