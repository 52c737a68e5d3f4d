import type { Transaction } from 'kysely'
import type { ServerDatabase } from '../store/server-database.types'

type Trx = Transaction<ServerDatabase>

const COUNTER = 'change_seq'

/** Hands out the change sequence numbers reserved for one transaction, in order. */
export interface ChangeSequence {
  next(): number
}

/**
 * Reserves `count` numbers of the server-wide change sequence by bumping its counter row.
 * The row stays locked until the transaction ends, so writers that reserve first also
 * commit first: a device that pulled up to N never misses a change numbered below N.
 * It also serialises concurrent ingests on PostgreSQL, so merges read settled state.
 * Numbers left unused leave gaps, which the pull does not mind.
 */
export async function reserveChangeSequence(trx: Trx, count: number): Promise<ChangeSequence> {
  const row = await trx
    .updateTable('sync_counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow()
  let next = Number(row.value) - count + 1
  const last = Number(row.value)
  return {
    next() {
      if (next > last) throw new Error('change sequence reservation exhausted')
      const seq = next
      next += 1
      return seq
    },
  }
}
