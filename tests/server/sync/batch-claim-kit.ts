import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { newId } from '../../../src/shared/ids/uuid'
import { sealBatch } from '../../../src/shared/sync/batch-codec.node.js'
import { publicKeyId } from '../../../src/shared/sync/device-signature.node.js'
import { PROVINCE_ENCRYPTION_KEY } from '../../fixtures/batches/batch-keys'
import { builtinFormLookup } from '../../fixtures/batches/hostile-corpus'
import type { TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import {
  COMMUNE,
  type ConsoleSession,
  consoleCall,
  SERVER_URL,
  type TestDevice,
} from '../devices/device-test-kit'

/** The name a laptop enrolled by file gives itself in these tests. */
export const CLAIM_DEVICE_NAME = 'Laptop thôn Nà Lẹng'

/** Makes an enrolment file through the console API; returns its id and one-time token. */
export async function createEnrolmentToken(
  t: TestServer,
  admin: ConsoleSession,
  input: { communeCode?: string; validHours?: number } = {},
): Promise<{ id: string; token: string }> {
  const made = dataOf(
    'devices.createEnrolmentFile',
    await consoleCall(t.url, admin, 'POST', '/api/v1/devices/enrolment-files', {
      communeCode: input.communeCode ?? COMMUNE,
      serverUrl: SERVER_URL,
      ...(input.validHours === undefined ? {} : { validHours: input.validHours }),
    }),
  )
  const payload = JSON.parse(Buffer.from(made.envelope.payload, 'base64').toString('utf8')) as {
    enrolmentToken: string
  }
  return { id: made.id, token: payload.enrolmentToken }
}

/** Seals revisions as a laptop enrolled by file does before the server knows it. */
export function sealClaiming(
  device: TestDevice,
  revisions: readonly HouseholdRevision[],
  token: string,
  options: { batchId?: string; communeCode?: string } = {},
): Uint8Array {
  return sealBatch({
    batchId: options.batchId ?? newId(),
    deviceId: device.id,
    communeCode: options.communeCode ?? COMMUNE,
    createdAt: '2025-11-24T10:00:00.000Z',
    revisions,
    device: {
      signingPrivateKey: device.keys.privateKey,
      signingKeyId: publicKeyId(device.keys.publicKey),
    },
    province: {
      encryptionPublicKey: PROVINCE_ENCRYPTION_KEY.publicBase64,
      encryptionKeyId: PROVINCE_ENCRYPTION_KEY.keyId,
    },
    forms: builtinFormLookup,
    enrolmentClaim: { enrolmentToken: token, deviceName: CLAIM_DEVICE_NAME },
  })
}
