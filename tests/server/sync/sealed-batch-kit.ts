import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PROVINCE_KEYS_FILE } from '../../../src/server/keys/province-keys'
import type { Clock } from '../../../src/shared/clock/clock'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { newId } from '../../../src/shared/ids/uuid'
import type { Result } from '../../../src/shared/result'
import {
  BATCH_MEDIA_TYPE,
  type EnrolmentClaimSecret,
  sealBatch,
} from '../../../src/shared/sync/batch-codec.node.js'
import {
  exportPrivateKey,
  publicKeyId,
  signDeviceRequest,
} from '../../../src/shared/sync/device-signature.node.js'
import {
  DEVICE_KEY,
  PROVINCE_ENCRYPTION_KEY,
  PROVINCE_SIGNING_KEY,
  type TestKeyPair,
} from '../../fixtures/batches/batch-keys'
import { builtinFormLookup } from '../../fixtures/batches/hostile-corpus'
import { DEVICE_ID, realisticRevisions } from '../../fixtures/batches/realistic-households'
import {
  type ServerStoreVariant,
  startTestServer,
  type TestServer,
} from '../../support/server-stores'
import type { ApiAnswer } from '../api-client'
import {
  COMMUNE,
  type ConsoleSession,
  consoleCall,
  createCode,
  enrol,
  type TestDevice,
} from '../devices/device-test-kit'

export const SEALED_BATCHES = '/api/v1/sync/sealed-batches'

/** The corpus device (tests/fixtures/batches): its fixed id and key, enrolled for real. */
export const CORPUS_DEVICE: TestDevice = {
  id: DEVICE_ID,
  keys: { publicKey: DEVICE_KEY.publicBase64, privateKey: DEVICE_KEY.privateKey },
}

/**
 * Starts a server whose province keys are the fixture keys, so that the hostile corpus
 * (sealed to PROVINCE_ENCRYPTION_KEY) reaches the checks it targets.
 */
export async function startSealedServer(
  variant: ServerStoreVariant,
  clock: Clock,
): Promise<TestServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'langso-sealed-'))
  const dataDir = path.join(dir, 'data')
  await writeFixtureProvinceKeys(dataDir)
  const t = await startTestServer(variant, { clock, config: { dataDir } })
  return {
    ...t,
    close: async () => {
      await t.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Puts the fixture province keys in a data folder before the server first starts there,
 * so batches sealed with sealFor (to PROVINCE_ENCRYPTION_KEY) open on it.
 */
export async function writeFixtureProvinceKeys(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const pair = (key: TestKeyPair) => ({
    publicKey: key.publicBase64,
    privateKeyPkcs8: exportPrivateKey(key.privateKey),
  })
  const keyFile = {
    format: 'langso-province-keys',
    version: 1,
    createdAt: '2025-11-01T00:00:00.000Z',
    signing: pair(PROVINCE_SIGNING_KEY),
    encryption: pair(PROVINCE_ENCRYPTION_KEY),
  }
  await writeFile(path.join(dataDir, PROVINCE_KEYS_FILE), JSON.stringify(keyFile), {
    mode: 0o600,
  })
}

/** Enrols a device in a commune through the real enrolment API. */
export async function enrolDevice(
  t: TestServer,
  admin: ConsoleSession,
  device: TestDevice,
  communeCode = COMMUNE,
): Promise<void> {
  const { code } = await createCode(t, admin, { communeCode })
  const answer = await enrol(t, device, { code })
  if (!answer.body.ok) throw new Error(`enrolment failed: ${JSON.stringify(answer.body.error)}`)
}

/** Seals revisions of the device as the desktop does. */
export function sealFor(
  device: TestDevice,
  revisions: readonly HouseholdRevision[],
  options: {
    batchId?: string
    createdAt?: string
    communeCode?: string
    enrolmentClaim?: EnrolmentClaimSecret
  } = {},
): Uint8Array {
  return sealBatch({
    batchId: options.batchId ?? newId(),
    deviceId: device.id,
    communeCode: options.communeCode ?? COMMUNE,
    createdAt: options.createdAt ?? '2025-11-24T10:00:00.000Z',
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
    ...(options.enrolmentClaim ? { enrolmentClaim: options.enrolmentClaim } : {}),
  })
}

/** Realistic households made on this device. */
export function householdsOf(device: TestDevice, count: number, seed = 1): HouseholdRevision[] {
  return realisticRevisions({ count, seed, deviceId: device.id, members: 3 })
}

/** Uploads a sealed batch, signed by `signer` (the device by default). */
export async function uploadSealed(
  t: TestServer,
  device: TestDevice,
  bytes: Uint8Array,
  signer: TestDevice = device,
): Promise<ApiAnswer> {
  const headers = signDeviceRequest(signer.keys.privateKey, {
    method: 'POST',
    pathWithQuery: SEALED_BATCHES,
    body: Buffer.from(bytes),
    deviceId: signer.id,
  })
  const res = await fetch(`${t.url}${SEALED_BATCHES}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': BATCH_MEDIA_TYPE },
    body: Buffer.from(bytes),
  })
  return { status: res.status, body: (await res.json()) as Result<unknown> }
}

/** Imports a batch file in the console, as province staff. */
export function importFile(
  t: TestServer,
  session: ConsoleSession,
  bytes: Uint8Array,
  fileName = 'lo-00700.langso-batch',
) {
  return consoleCall(t.url, session, 'POST', '/api/v1/batches/import', {
    fileName,
    contentBase64: Buffer.from(bytes).toString('base64'),
  })
}
