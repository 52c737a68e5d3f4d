import type { HttpHandlers } from '../http/http-handler'
import { readingContext } from '../server-context'
import { supportInScope } from './indicator-support.service'
import { communeIndicators, provinceIndicators, villageIndicators } from './indicators.service'

/** The dashboard's calls (province roles see all; commune viewers their commune). */
export const indicatorHandlers = {
  'indicators.province': (ctx) => provinceIndicators(readingContext(ctx)),
  'indicators.commune': (ctx, input) => communeIndicators(readingContext(ctx), input.communeCode),
  'indicators.village': (ctx, input) => villageIndicators(readingContext(ctx), input.villageCode),
  'indicators.support': (ctx, input) => supportInScope(readingContext(ctx), input),
} satisfies Partial<HttpHandlers>
