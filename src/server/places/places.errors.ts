import { AppError } from '../../shared/result'

/** The first-run setup has not chosen the server's province yet. */
export class ProvinceNotSetError extends AppError {
  constructor() {
    super('province_not_set', 'The server has no province yet: finish the first-run setup')
    this.name = 'ProvinceNotSetError'
  }
}

/** The commune code is not one of the server's province (HTTP 404). */
export class UnknownCommuneError extends AppError {
  constructor(communeCode: string) {
    super('not_found', `Commune ${communeCode} is not a commune of this province`)
    this.name = 'UnknownCommuneError'
  }
}

/** No village has this code (HTTP 404). */
export class UnknownVillageError extends AppError {
  constructor(code: string) {
    super('not_found', `Village ${code} not found`)
    this.name = 'UnknownVillageError'
  }
}

/**
 * The commune already has a village of this name, compared without accents, case or
 * punctuation; an inactive one counts too — reactivate it instead (HTTP 409).
 */
export class VillageNameTakenError extends AppError {
  constructor(existingCode: string) {
    super('conflict', `The commune already has a village of this name (${existingCode})`)
    this.name = 'VillageNameTakenError'
  }
}
