import type { Kysely } from 'kysely'
import type { DuplicateCandidate } from '../../shared/api/ipc.contract'
import type { FieldCipher } from '../crypto/field-cipher'
import type { LocalDatabase } from '../store/local-database.types'
import { householdHeadKeys } from './household.repository'
import { keysSimilar, nameKey, SIMILAR_NAME_THRESHOLD } from './name-similarity'
import { normalizePersonal } from './personal-data'
import { householdsWithHashes } from './pii-index.repository'

export interface DuplicateQuery {
  villageCode: string
  headName?: string | undefined
  citizenIds?: readonly string[] | undefined
  /** The household being recorded, which is never its own duplicate. */
  excludeHouseholdId?: string | undefined
}

/**
 * Households that may be the one being recorded: any household on this laptop holding one
 * of the citizen ids (matched by keyed hash), and households of the same village whose head
 * name is very similar (accents, case and word order aside; see nameSimilarity).
 */
export async function findDuplicates(
  ctx: { db: Kysely<LocalDatabase>; cipher: FieldCipher },
  query: DuplicateQuery,
): Promise<DuplicateCandidate[]> {
  const reasons = new Map<string, Set<DuplicateCandidate['reasons'][number]>>()
  const flag = (id: string, reason: DuplicateCandidate['reasons'][number]) => {
    if (id === query.excludeHouseholdId) return
    const set = reasons.get(id) ?? new Set()
    set.add(reason)
    reasons.set(id, set)
  }

  const hashes = (query.citizenIds ?? []).flatMap((raw) => {
    const id = normalizePersonal('citizen_id', raw)
    return id ? [ctx.cipher.blindIndex(id.kind, id.value)] : []
  })
  for (const id of await householdsWithHashes(ctx.db, 'citizen_id', hashes)) flag(id, 'citizen_id')

  const key = nameKey(query.headName ?? '')
  if (key !== '') {
    for (const h of await householdHeadKeys(ctx.db, query.villageCode)) {
      if (h.head_key && keysSimilar(key, h.head_key, SIMILAR_NAME_THRESHOLD)) {
        flag(h.id, 'similar_name')
      }
    }
  }
  return describeCandidates(ctx.db, reasons)
}

async function describeCandidates(
  db: Kysely<LocalDatabase>,
  reasons: Map<string, Set<DuplicateCandidate['reasons'][number]>>,
): Promise<DuplicateCandidate[]> {
  if (reasons.size === 0) return []
  const rows = await db
    .selectFrom('households')
    .select(['id', 'head_name', 'village_code', 'address'])
    .where('id', 'in', [...reasons.keys()])
    .orderBy('updated_at', 'desc')
    .execute()
  return rows.map((r) => ({
    householdId: r.id,
    headName: r.head_name,
    villageCode: r.village_code,
    address: r.address,
    reasons: [...(reasons.get(r.id) ?? [])].sort(),
  }))
}
