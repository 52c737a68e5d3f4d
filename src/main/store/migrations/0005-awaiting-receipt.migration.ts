import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Issue 5, record states: a household whose latest revision left in a sealed batch (an
 * upload without a verified receipt yet, or a file exported to a USB stick) is "awaiting
 * its receipt", between waiting to be sent and sent. The revision itself stays pending (a
 * receipt alone settles it), so households.sync_state keeps its three values and its check;
 * these columns say since when, and how, the record left. Both null otherwise.
 */
export const awaitingReceiptMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('households').addColumn('awaiting_since', 'text').execute()
    await db.schema
      .alterTable('households')
      .addColumn('awaiting_via', 'text', (c) =>
        c.check(sql`awaiting_via is null or awaiting_via in ('upload', 'export')`),
      )
      .execute()
    // The per-village counts tell "waiting" from "awaiting its receipt": the covering index
    // of 0002 grows by the column that separates them (same prefix, so it replaces it).
    await db.schema
      .createIndex('households_village_result_state_awaiting')
      .on('households')
      .columns(['village_code', 'visit_result', 'sync_state', 'awaiting_since'])
      .execute()
    await db.schema.dropIndex('households_village_result_state').execute()
    // Households sealed into a batch still unsettled before this version await its receipt too.
    await sql`update households set
        awaiting_since = (
          select max(sb.created_at) from sealed_batch_revisions sbr
          join sealed_batches sb on sb.id = sbr.batch_id
          where sbr.revision_id = households.latest_revision_id
            and sb.settled_at is null and sb.released_at is null),
        awaiting_via = (
          select sb.kind from sealed_batch_revisions sbr
          join sealed_batches sb on sb.id = sbr.batch_id
          where sbr.revision_id = households.latest_revision_id
            and sb.settled_at is null and sb.released_at is null
          order by sb.created_at desc, sb.id desc limit 1)
      where sync_state = 'pending'`.execute(db)
  },
}
