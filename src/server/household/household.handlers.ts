import type { HttpHandlers } from '../http/http-handler'
import { getHousehold, listHouseholds } from './household.repository'

/** The console's household calls. */
export const householdHandlers = {
  'households.list': (ctx, input) => listHouseholds(ctx.db, input),
  'households.get': (ctx, input) => getHousehold(ctx.db, input.id),
} satisfies Partial<HttpHandlers>
