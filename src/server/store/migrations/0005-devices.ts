import { type Kysely, type Migration, sql } from 'kysely'

/**
 * Devices and their enrolment: the device list (with each device's public key and status),
 * the one-time enrolment codes and file tokens (hashes only), and failed enrolment attempts
 * per address for the brute-force limit.
 */
export const devicesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('enrolment_id', 'text')
      .addColumn('last_contact_at', 'text')
      .addColumn('last_sync_at', 'text')
      .addColumn('pending_reported', 'integer')
      .addColumn('app_version', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked')`))
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .execute()
    await db.schema
      .createIndex('devices_commune_idx')
      .on('devices')
      .columns(['commune_code', 'status', 'enrolled_at'])
      .execute()
    await db.schema
      .createIndex('devices_enrolled_idx')
      .on('devices')
      .column('enrolled_at')
      .execute()

    await db.schema
      .createTable('enrolment_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('code', 'file')`))
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('device_id', 'text')
      .addColumn('cancelled_at', 'text')
      .execute()
    await db.schema
      .createIndex('enrolment_codes_created_idx')
      .on('enrolment_codes')
      .columns(['created_at', 'id'])
      .execute()

    await db.schema
      .createTable('enrolment_failures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('failed_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('enrolment_failures_ip_idx')
      .on('enrolment_failures')
      .columns(['ip', 'failed_at'])
      .execute()
  },
}
