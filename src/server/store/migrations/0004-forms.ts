import type { Kysely, Migration } from 'kysely'
import { defaultHouseholdForm } from '../../../shared/forms/default-household-form'

/**
 * When the built-in version counts as published. It ships with the software rather than
 * being published at a moment, and a fixed date lists it identically on every server.
 */
export const BUILTIN_PUBLISHED_AT = '2025-07-01T00:00:00.000Z'

/**
 * Published form versions, with the built-in household form as version 1 from the start.
 * The definition is copied as it is when this migration runs: like any published version,
 * version 1 is fixed from then on.
 */
export const formsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('form_versions')
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition_json', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text')
      .addPrimaryKeyConstraint('form_versions_pk', ['form_id', 'version'])
      .execute()

    const seed = db as Kysely<{ form_versions: Record<string, string | number | null> }>
    await seed
      .insertInto('form_versions')
      .values({
        form_id: defaultHouseholdForm.id,
        version: defaultHouseholdForm.version,
        definition_json: JSON.stringify(defaultHouseholdForm),
        source: 'builtin',
        published_at: BUILTIN_PUBLISHED_AT,
        published_by: null,
      })
      .execute()
  },
}
