import type { HttpHandlers } from '../http/http-handler'
import { readingContext } from '../server-context'
import {
  getHouseholdInScope,
  householdHistoryInScope,
  listHouseholdsInScope,
} from './household.service'

/** The console's household calls (every console role; commune viewers see their commune). */
export const householdHandlers = {
  'households.list': (ctx, input) => listHouseholdsInScope(readingContext(ctx), input),
  'households.get': (ctx, input) => getHouseholdInScope(readingContext(ctx), input.id),
  'households.history': (ctx, input) => householdHistoryInScope(readingContext(ctx), input.id),
} satisfies Partial<HttpHandlers>
