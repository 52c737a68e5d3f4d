import { AppError } from '../../shared/result'

/** The commune does not fit the role or the province: HTTP 400. */
export class InvalidCommuneError extends AppError {
  constructor(message: string) {
    super('invalid_commune', message)
    this.name = 'InvalidCommuneError'
  }
}

/** Another user already has this username (in any case): HTTP 409. */
export class UsernameTakenError extends AppError {
  constructor() {
    super('username_taken', 'This username is already in use')
    this.name = 'UsernameTakenError'
  }
}

/** The change would leave the server without an active province admin: HTTP 409. */
export class LastAdminError extends AppError {
  constructor() {
    super('last_admin', 'The server must keep at least one active province admin')
    this.name = 'LastAdminError'
  }
}

/** Admins may not disable or demote themselves (another admin must): HTTP 409. */
export class OwnAccountError extends AppError {
  constructor() {
    super('own_account', 'You cannot disable your own account or change your own role')
    this.name = 'OwnAccountError'
  }
}
