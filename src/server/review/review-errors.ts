import { AppError } from '../../shared/result'

/**
 * The household changed after the reviewer loaded it (a newer revision arrived, or a merge
 * changed it): the decision would be about a state nobody looked at. HTTP 422; the console
 * reloads the household.
 */
export class ReviewStaleError extends AppError {
  constructor() {
    super('review_stale', 'The household changed since it was loaded; look at it again')
    this.name = 'ReviewStaleError'
  }
}
