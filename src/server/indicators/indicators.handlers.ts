import type { HttpHandlers } from '../http/http-handler'
import { supportInScope } from './indicator-support.service'
import { communeIndicators, provinceIndicators, villageIndicators } from './indicators.service'

/** The dashboard's calls (province roles see all; commune viewers their commune). */
export const indicatorHandlers = {
  'indicators.province': (ctx) => provinceIndicators(ctx),
  'indicators.commune': (ctx, input) => communeIndicators(ctx, input.communeCode),
  'indicators.village': (ctx, input) => villageIndicators(ctx, input.villageCode),
  'indicators.support': (ctx, input) => supportInScope(ctx, input),
} satisfies Partial<HttpHandlers>
