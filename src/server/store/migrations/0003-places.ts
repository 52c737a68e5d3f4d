import type { Kysely, Migration } from 'kysely'

/**
 * The province's villages (communes come from the official list) and the server-side store
 * of import previews. Portable types only.
 */
export const placesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('villages')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('registered_households', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('villages_commune_name_key', ['commune_code', 'name_key'])
      .execute()

    await db.schema
      .createTable('import_previews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('error_count', 'integer', (c) => c.notNull())
      .addColumn('rows_json', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('import_previews_expiry_idx')
      .on('import_previews')
      .column('expires_at')
      .execute()
  },
}
