import { findVillage, PILOT_COMMUNE, type Village } from '../../shared/places/pilot-places'
import { AppError } from '../../shared/result'

/** The villages this laptop records in (the pilot commune's, until reference data syncs). */
export function localVillages(): readonly Village[] {
  return PILOT_COMMUNE.villages
}

/** Village codes accepted by the form's village question. */
export function localVillageCodes(): string[] {
  return localVillages().map((v) => v.code)
}

/** The village with this code, or an `unknown_village` error. */
export function requireVillage(code: string): Village {
  const village = findVillage(code)
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
