import type { HttpHandlers } from '../http/http-handler'
import {
  getHouseholdInScope,
  householdHistoryInScope,
  listHouseholdsInScope,
} from './household.service'

/** The console's household calls (every console role; commune viewers see their commune). */
export const householdHandlers = {
  'households.list': (ctx, input) => listHouseholdsInScope(ctx, input),
  'households.get': (ctx, input) => getHouseholdInScope(ctx, input.id),
  'households.history': (ctx, input) => householdHistoryInScope(ctx, input.id),
} satisfies Partial<HttpHandlers>
