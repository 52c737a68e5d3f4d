import type { Kysely } from 'kysely'
import { z } from 'zod'
import { PILOT_COMMUNE, type Village } from '../../shared/places/pilot-places'
import { AppError } from '../../shared/result'
import { getSetting, setSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'

const placeSchema = z.object({ code: z.string(), name: z.string() })
const enrolledPlacesSchema = z.object({
  commune: placeSchema,
  province: placeSchema,
  villages: z.array(placeSchema),
})

/** The commune this laptop records in, with its province and villages. */
export type LocalPlaces = z.infer<typeof enrolledPlacesSchema>

/** Remembers the places enrolment gave (not secret: kept in clear for quick reads). */
export async function saveEnrolledPlaces(
  db: Kysely<LocalDatabase>,
  places: LocalPlaces,
): Promise<void> {
  const { commune, province, villages } = enrolledPlacesSchema.parse(places)
  await setSetting(db, 'enrolled_places', JSON.stringify({ commune, province, villages }))
}

/**
 * The enrolled commune and its villages. Until the laptop is enrolled (the app shows the
 * enrolment screen then), the pilot commune stands in, as in the walking skeleton; an
 * enrolment that lists no villages also keeps the pilot villages of a pilot commune.
 */
export async function localPlaces(db: Kysely<LocalDatabase>): Promise<LocalPlaces> {
  const stored = await getSetting(db, 'enrolled_places')
  const pilot: LocalPlaces = {
    commune: { code: PILOT_COMMUNE.code, name: PILOT_COMMUNE.name },
    province: { code: PILOT_COMMUNE.provinceCode, name: PILOT_COMMUNE.provinceName },
    villages: [...PILOT_COMMUNE.villages],
  }
  if (stored === null) return pilot
  const places = enrolledPlacesSchema.parse(JSON.parse(stored))
  if (places.villages.length === 0 && places.commune.code === PILOT_COMMUNE.code) {
    return { ...places, villages: pilot.villages }
  }
  return places
}

/** The villages this laptop records in. */
export async function localVillages(db: Kysely<LocalDatabase>): Promise<readonly Village[]> {
  return (await localPlaces(db)).villages
}

/** Village codes accepted by the form's village question. */
export async function localVillageCodes(db: Kysely<LocalDatabase>): Promise<string[]> {
  return (await localVillages(db)).map((v) => v.code)
}

/** The village with this code, or an `unknown_village` error. */
export async function requireVillage(db: Kysely<LocalDatabase>, code: string): Promise<Village> {
  const village = (await localVillages(db)).find((v) => v.code === code)
  if (!village) throw new UnknownVillageError()
  return village
}

/** A village code that is not one of the commune's villages. */
export class UnknownVillageError extends AppError {
  constructor() {
    super('unknown_village', 'no such village in this commune')
    this.name = 'UnknownVillageError'
  }
}
