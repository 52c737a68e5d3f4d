import { IdNumbers } from './id-numbers'
import type { CommunePlan } from './province-plan'
import { birthPrefixes, communeMinorities } from './province-profile'
import { Weighted } from './seed-random'
import { NameBook } from './vietnamese-names'
import type { Culture } from './vietnamese-names.data'

/** What the households of one commune share: names, peoples, birth provinces, id numbers. */
export interface CommuneKit {
  plan: CommunePlan
  names: NameBook
  cultures: Weighted<Culture>
  prefixes: Weighted<string>
  numbers: IdNumbers
}

/** The kit of a commune; its id numbers go on from household to household in order. */
export function communeKit(plan: CommunePlan): CommuneKit {
  const minorities = communeMinorities(plan.profile, plan.commune)
  const minorityShare = minorities.reduce((sum, [, share]) => sum + share, 0)
  return {
    plan,
    names: new NameBook(plan.profile),
    cultures: new Weighted<Culture>([['kinh', Math.max(0.01, 1 - minorityShare)], ...minorities]),
    prefixes: birthPrefixes(plan.profile, plan.commune),
    numbers: new IdNumbers(plan.seed, plan.ordinal, plan.communeCount),
  }
}
