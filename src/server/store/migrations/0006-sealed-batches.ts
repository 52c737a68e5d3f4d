import type { Kysely, Migration } from 'kysely'

/**
 * Sealed batches (issue 5): the batch table becomes the inbox of every batch received over
 * HTTP or from a file — ingested or refused — with the device's own time beside the
 * server's receipt time, and a flag when the device clock went backwards.
 */
export const sealedBatchesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const columns: [string, 'text' | 'integer', string | number | null][] = [
      // 'http' (sealed upload), 'file' (console or CLI import), 'json' (the skeleton upload).
      ['source', 'text', 'json'],
      ['device_created_at', 'text', null],
      ['clock_behind', 'integer', 0],
      ['file_bytes', 'integer', null],
      // 'ingested' or 'refused'.
      ['status', 'text', 'ingested'],
      ['error_code', 'text', null],
      // A refused row has a server-made id; this is the batch id its manifest claimed, if readable.
      ['claimed_batch_id', 'text', null],
    ]
    for (const [name, type, fallback] of columns) {
      await db.schema
        .alterTable('batches')
        .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
        .execute()
    }
    await db.schema
      .createIndex('batches_inbox_idx')
      .on('batches')
      .columns(['commune_code', 'received_at'])
      .execute()
    await db.schema
      .createIndex('batches_device_idx')
      .on('batches')
      .columns(['device_id', 'status', 'device_created_at'])
      .execute()
  },
}
