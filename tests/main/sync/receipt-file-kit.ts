import type { MainContext } from '../../../src/main/context'
import { enrolWithCode } from '../../../src/main/device/device-enrolment.service'
import type { ExportedBatch } from '../../../src/shared/api/ipc.contract'
import type { SignedEnvelope } from '../../../src/shared/sync/device-signature.node.js'
import { dataOf } from '../../server/api-client'
import type { ConsoleClient } from '../../server/auth/auth-test-kit'
import { FIXTURE_MS } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import type { TestServer } from './sync-test-servers'

/** Far from the first laptop's id sequence: the two laptops never make the same id. */
const SECOND_LAPTOP_SEED = FIXTURE_MS + 90_000_000

/**
 * A receipt file's content as the renderer sends it: the console saves the signed envelope
 * as indented JSON text; the desktop reads the file's bytes and sends them in base64.
 */
export function receiptFileOf(envelope: SignedEnvelope | object): string {
  return Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8').toString('base64')
}

/** Everything a receipt may change on the laptop, to show a refused one changed nothing. */
export async function localState(ctx: MainContext) {
  return {
    revisions: await ctx.db
      .selectFrom('revisions')
      .select(['id', 'status', 'reason', 'batch_id', 'sent_at'])
      .orderBy('id')
      .execute(),
    batches: await ctx.db
      .selectFrom('sealed_batches')
      .select(['id', 'kind', 'settled_at', 'released_at'])
      .orderBy('id')
      .execute(),
    households: await ctx.db
      .selectFrom('households')
      .select(['id', 'sync_state', 'reject_reason'])
      .orderBy('id')
      .execute(),
  }
}

/** Another laptop of the commune, enrolled with the real server by a fresh code. */
export async function enrolSecondLaptop(
  server: TestServer,
  enrolment: { code: string },
): Promise<TestMain> {
  const laptop = await openTestMain({ idSeed: SECOND_LAPTOP_SEED })
  await enrolWithCode(laptop.ctx, {
    serverUrl: server.url,
    code: enrolment.code,
    deviceName: 'Laptop thứ hai',
  })
  return laptop
}

/** Province staff import the exported file in the console, as `admin`; the import's answer. */
export async function importInConsole(admin: ConsoleClient, file: ExportedBatch) {
  return dataOf(
    'batches.importFile',
    await admin.post('/api/v1/batches/import', {
      fileName: file.fileName,
      contentBase64: file.bytesBase64,
    }),
  )
}
