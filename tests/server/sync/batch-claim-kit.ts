import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import type { TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import {
  COMMUNE,
  type ConsoleSession,
  consoleCall,
  SERVER_URL,
  type TestDevice,
} from '../devices/device-test-kit'
import { sealFor } from './sealed-batch-kit'

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
  return sealFor(device, revisions, {
    ...options,
    enrolmentClaim: { enrolmentToken: token, deviceName: CLAIM_DEVICE_NAME },
  })
}
