import { auditHandlers } from '../audit/audit.handlers'
import { authHandlers } from '../auth/auth.handlers'
import { deviceHandlers } from '../devices/devices.handlers'
import { exportHandlers } from '../exports/exports.handlers'
import { formsHandlers } from '../forms/forms.handlers'
import { householdHandlers } from '../household/household.handlers'
import { indicatorHandlers } from '../indicators/indicators.handlers'
import { placesHandlers } from '../places/places.handlers'
import { reviewHandlers } from '../review/review.handlers'
import { syncHandlers } from '../sync/sync.handlers'
import { systemHandlers } from '../system/system.handlers'
import { userHandlers } from '../users/users.handlers'
import type { HttpHandlers } from './http-handler'

/** Every call of the HTTP contract, wired to its handler. */
export const serverHandlers: HttpHandlers = {
  ...systemHandlers,
  ...syncHandlers,
  ...householdHandlers,
  ...indicatorHandlers,
  ...reviewHandlers,
  ...placesHandlers,
  ...formsHandlers,
  ...deviceHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...exportHandlers,
}
