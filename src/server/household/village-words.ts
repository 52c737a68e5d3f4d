import type { Kysely } from 'kysely'
import { PILOT_COMMUNE } from '../../shared/places/pilot-places'
import { foldText } from '../../shared/text/fold'
import type { ServerDatabase } from '../store/server-database.types'
import type { VillageWords } from './household-search.query'

interface Folded {
  /** Count and last change of the villages table when folded. */
  stamp: string
  villages: (VillageWords & { communeCode: string })[]
}

/** Folded village names per store: a province has thousands, folding them per search would show. */
const cache = new WeakMap<Kysely<ServerDatabase>, Folded>()

/**
 * The villages a search may name, with their folded names' words: the commune's when the
 * search is limited to one, else the province's. The pilot commune's hard-wired villages
 * count until the village list holds them. Refolded only when the villages table changed.
 */
export async function villageWords(
  db: Kysely<ServerDatabase>,
  communeCode: string | null,
): Promise<VillageWords[]> {
  const state = await db
    .selectFrom('villages')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('updated_at').as('last')])
    .executeTakeFirstOrThrow()
  const stamp = `${Number(state.n)}|${state.last ?? ''}`
  let folded = cache.get(db)
  if (folded?.stamp !== stamp) {
    const rows = await db.selectFrom('villages').select(['code', 'commune_code', 'name']).execute()
    const known = new Set(rows.map((row) => row.code))
    const pilot = PILOT_COMMUNE.villages
      .filter((v) => !known.has(v.code))
      .map((v) => ({ code: v.code, commune_code: PILOT_COMMUNE.code, name: v.name }))
    folded = {
      stamp,
      villages: [...rows, ...pilot].map((row) => ({
        code: row.code,
        communeCode: row.commune_code,
        words: foldText(row.name).split(' ').filter(Boolean),
      })),
    }
    cache.set(db, folded)
  }
  return communeCode === null
    ? folded.villages
    : folded.villages.filter((v) => v.communeCode === communeCode)
}
