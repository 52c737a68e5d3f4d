import { householdHandlers } from '../household/household.handlers'
import { syncHandlers } from '../sync/sync.handlers'
import { systemHandlers } from '../system/system.handlers'
import type { HttpHandlers } from './http-handler'

/** Every call of the HTTP contract, wired to its handler. */
export const serverHandlers: HttpHandlers = {
  ...systemHandlers,
  ...syncHandlers,
  ...householdHandlers,
}
