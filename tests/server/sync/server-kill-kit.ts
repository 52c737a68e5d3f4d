import Database from 'better-sqlite3'
import pg from 'pg'
import { type ServerConfig, sqliteFilePath } from '../../../src/server/config/server-config'
import { batchImportResultSchema } from '../../../src/shared/api/http/sync.contract'
import type { SyncReceipt } from '../../../src/shared/api/http.contract'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { newId } from '../../../src/shared/ids/uuid'
import type { Result } from '../../../src/shared/result'
import { BATCH_MEDIA_TYPE, openReceipt } from '../../../src/shared/sync/batch-codec.node.js'
import { signDeviceRequest } from '../../../src/shared/sync/device-signature.node.js'
import { PROVINCE_SIGNING_KEY } from '../../fixtures/batches/batch-keys'
import { ADMIN, ConsoleClient, PROVINCE } from '../auth/auth-test-kit'
import { COMMUNE, consoleCall, type TestDevice } from '../devices/device-test-kit'
import { householdsOf, SEALED_BATCHES, sealFor } from './sealed-batch-kit'

export { writeFixtureProvinceKeys } from './sealed-batch-kit'

/** Completes first-run setup with the printed link's token; returns the admin's console. */
export async function setUpWithToken(baseUrl: string, setupUrl: string): Promise<ConsoleClient> {
  const token = new URL(setupUrl).searchParams.get('token')
  const admin = new ConsoleClient(baseUrl)
  const answer = await admin.post('/api/v1/setup', { token, provinceCode: PROVINCE, ...ADMIN })
  if (!answer.body.ok) throw new Error(`setup failed: ${JSON.stringify(answer.body.error)}`)
  return admin
}

/** Enrols the device in COMMUNE with a code the admin makes, all through the API. */
export async function enrolThroughApi(
  baseUrl: string,
  admin: ConsoleClient,
  device: TestDevice,
): Promise<void> {
  const made = await admin.post('/api/v1/devices/enrolment-codes', {
    communeCode: COMMUNE,
    serverUrl: baseUrl,
  })
  if (!made.body.ok) throw new Error(`no enrolment code: ${JSON.stringify(made.body.error)}`)
  const { code } = made.body.data as { code: string }
  const enrolled = await consoleCall(baseUrl, null, 'POST', '/api/v1/devices/enrol', {
    code,
    deviceId: device.id,
    deviceName: 'Laptop xã Ngọc Đường',
    publicKey: device.keys.publicKey,
  })
  if (!enrolled.body.ok) throw new Error(`enrolment failed: ${JSON.stringify(enrolled.body)}`)
}

/** A sealed batch and how it reaches the server: uploaded by its device, or a file staff import. */
export interface KillTestBatch {
  id: string
  via: 'upload' | 'file'
  bytes: Uint8Array
  revisions: HouseholdRevision[]
}

/** Seals `households` realistic households of the device into one batch (seeded). */
export function makeBatch(
  device: TestDevice,
  via: KillTestBatch['via'],
  households: number,
  seed: number,
): KillTestBatch {
  const id = newId()
  const revisions = householdsOf(device, households, seed)
  return { id, via, bytes: sealFor(device, revisions, { batchId: id }), revisions }
}

/**
 * Sends the batch the way it travels — a signed device upload, or a console import — and
 * returns the receipt once its province signature verifies. Throws when no receipt came.
 */
export async function deliver(
  baseUrl: string,
  admin: ConsoleClient,
  device: TestDevice,
  batch: KillTestBatch,
): Promise<SyncReceipt> {
  if (batch.via === 'file') {
    const answer = await admin.post('/api/v1/batches/import', {
      fileName: `${batch.id}.langso-batch`,
      contentBase64: Buffer.from(batch.bytes).toString('base64'),
    })
    if (!answer.body.ok) throw new Error(`import refused: ${JSON.stringify(answer.body.error)}`)
    const result = batchImportResultSchema.parse(answer.body.data)
    return openReceipt(result.signedReceipt, PROVINCE_SIGNING_KEY.publicBase64, batch.id)
  }
  const body = Buffer.from(batch.bytes)
  const headers = signDeviceRequest(device.keys.privateKey, {
    method: 'POST',
    pathWithQuery: SEALED_BATCHES,
    body,
    deviceId: device.id,
  })
  const res = await fetch(`${baseUrl}${SEALED_BATCHES}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': BATCH_MEDIA_TYPE },
    body,
  })
  const answer = (await res.json()) as Result<Parameters<typeof openReceipt>[0]>
  if (!answer.ok) throw new Error(`upload refused: ${res.status} ${JSON.stringify(answer.error)}`)
  return openReceipt(answer.data, PROVINCE_SIGNING_KEY.publicBase64, batch.id)
}

/** Members the batches' households carry (each household has one revision here). */
export function memberCount(batches: readonly KillTestBatch[]): number {
  return batches
    .flatMap((b) => b.revisions)
    .reduce((sum, r) => sum + (r.response.repeats.members?.length ?? 0), 0)
}

/** Looks, from outside the server, whether it is writing to its store right now. */
export interface WriteProbe {
  /** True while some connection of the server holds an open transaction that has written. */
  writing(): Promise<boolean>
  /**
   * Closes the probe; a SQLite probe closes at once (synchronously), so call this before
   * the kill: a probe that stayed open as the last connection would checkpoint the dead
   * server's WAL and spare the restarted server its crash recovery.
   */
  close(): Promise<void>
}

/**
 * A probe on the server's store: for SQLite, a second connection that tries to take the
 * write lock without waiting (busy means a write transaction is open); for PostgreSQL,
 * the store's backends whose transaction has an id (assigned at its first write).
 */
export async function openWriteProbe(config: ServerConfig): Promise<WriteProbe> {
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl })
    await client.connect()
    return {
      async writing() {
        const { rows } = await client.query<{ n: string }>(
          `select count(*) as n from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid()
             and backend_xid is not null`,
        )
        return Number(rows[0]?.n ?? 0) > 0
      },
      close: () => client.end(),
    }
  }
  const db = new Database(sqliteFilePath(config), { timeout: 0 })
  return {
    async writing() {
      try {
        db.exec('BEGIN IMMEDIATE')
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') return true
        throw error
      }
      db.exec('ROLLBACK')
      return false
    },
    close: async () => {
      db.close()
    },
  }
}
