import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import type { MainContext } from '../../../src/main/context'
import { saveEnrolment } from '../../../src/main/device/device-enrolment.repository'
import { enrolWithCode } from '../../../src/main/device/device-enrolment.service'
import { saveEnrolledPlaces } from '../../../src/main/places/village-catalog'
import { setSetting } from '../../../src/main/settings/settings.repository'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { FormDefinition, Group } from '../../../src/shared/forms/form-definition.schema'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import {
  exportPrivateKey,
  generateDeviceKeyPair,
  publicKeyId,
  rawPublicKeyBase64,
} from '../../../src/shared/sync/device-signature.node.js'
import { dataOf } from '../../server/api-client'
import { ADMIN, COMMUNE, ConsoleClient, PROVINCE } from '../../server/auth/auth-test-kit'
import type { TestServer } from '../sync/sync-test-servers'

/**
 * Sets the real server up through its API as province staff would: first-run setup
 * (province 08, the auth test kit's admin), then returns the admin's console session.
 */
export async function setUpProvince(server: TestServer): Promise<ConsoleClient> {
  const link = server.server.setupUrl
  const token = link ? new URL(link).searchParams.get('token') : null
  if (!token) throw new Error('the server printed no setup link')
  const admin = new ConsoleClient(server.url)
  dataOf(
    'setup.complete',
    await admin.post('/api/v1/setup', { token, provinceCode: PROVINCE, ...ADMIN }),
  )
  return admin
}

/** A one-time enrolment code for the pilot commune, made by the admin through the API. */
export async function createEnrolmentCode(admin: ConsoleClient, serverUrl: string) {
  return dataOf(
    'devices.createEnrolmentCode',
    await admin.post('/api/v1/devices/enrolment-codes', { communeCode: COMMUNE, serverUrl }),
  )
}

/** An enrolment file for the pilot commune, made by the admin through the API. */
export async function createEnrolmentFile(admin: ConsoleClient, serverUrl: string) {
  return dataOf(
    'devices.createEnrolmentFile',
    await admin.post('/api/v1/devices/enrolment-files', { communeCode: COMMUNE, serverUrl }),
  )
}

/**
 * Publishes version 2 of the household form through the API (one more question, as staff
 * would publish it) and returns its definition.
 */
export async function publishFormVersionTwo(admin: ConsoleClient): Promise<FormDefinition> {
  const form = structuredClone(defaultHouseholdForm)
  const details = form.sections[0]?.items.find((i) => i.id === 'household_details') as Group
  details.items.splice(2, 0, {
    kind: 'question',
    id: 'h_computer',
    type: 'yes_no',
    label: { vi: 'Hộ có máy tính', en: 'Household has a computer' },
    required: true,
  })
  const definition = { ...form, version: 2 }
  dataOf(
    'forms.publish',
    await admin.post(`/api/v1/forms/${definition.id}/versions`, { definition }),
  )
  return definition
}

/** Adds a village with its registered households to the pilot commune through the API. */
export async function createVillage(admin: ConsoleClient, name: string, registered: number) {
  return dataOf(
    'places.createVillage',
    await admin.post(`/api/v1/places/communes/${COMMUNE}/villages`, {
      name,
      registeredHouseholds: registered,
    }),
  )
}

/** Revokes a device through the API. */
export async function revokeDevice(admin: ConsoleClient, deviceId: string): Promise<void> {
  dataOf('devices.revoke', await admin.post(`/api/v1/devices/${deviceId}/revoke`))
}

/** Sets the server up and enrols the laptop with a fresh code; returns the admin session. */
export async function enrolWithServer(
  ctx: MainContext,
  server: TestServer,
): Promise<ConsoleClient> {
  const admin = await setUpProvince(server)
  const { code } = await createEnrolmentCode(admin, server.url)
  await enrolWithCode(ctx, { serverUrl: server.url, code, deviceName: 'Laptop thử' })
  return admin
}

/** A province's key pairs made by a test, to stand in for a server the test controls. */
export interface TestProvince {
  signingPrivateKey: KeyObject
  signingPublicKey: string
  signingKeyId: string
  encryptionPrivateKey: KeyObject
  encryptionPublicKey: string
  encryptionKeyId: string
}

/** Makes a province key set (Ed25519 signing, X25519 encryption). */
export function makeTestProvince(): TestProvince {
  const signing = generateKeyPairSync('ed25519')
  const encryption = generateKeyPairSync('x25519')
  const signingPublicKey = rawPublicKeyBase64(signing.publicKey)
  const encryptionPublicKey = rawPublicKeyBase64(encryption.publicKey)
  return {
    signingPrivateKey: signing.privateKey,
    signingPublicKey,
    signingKeyId: publicKeyId(signingPublicKey),
    encryptionPrivateKey: encryption.privateKey,
    encryptionPublicKey,
    encryptionKeyId: publicKeyId(encryptionPublicKey),
  }
}

/**
 * Stores an enrolment for `province` with the app's own repositories, as if the laptop had
 * enrolled with a server at `serverUrl` (for tests whose server is a fake the test drives).
 * Returns the device's public key.
 */
export async function enrolLocally(
  ctx: MainContext,
  province: TestProvince,
  serverUrl: string,
): Promise<KeyObject> {
  const keys = generateDeviceKeyPair()
  const places = {
    commune: { code: PILOT_COMMUNE.code, name: PILOT_COMMUNE.name },
    province: { code: PILOT_COMMUNE.provinceCode, name: PILOT_COMMUNE.provinceName },
    villages: [...PILOT_COMMUNE.villages],
  }
  await saveEnrolment(ctx.db, ctx.cipher, {
    method: 'code',
    serverUrl,
    deviceName: 'Laptop thử',
    ...places,
    provincePublicKeys: {
      signingKeyId: province.signingKeyId,
      signingPublicKey: province.signingPublicKey,
      encryptionKeyId: province.encryptionKeyId,
      encryptionPublicKey: province.encryptionPublicKey,
    },
    devicePrivateKey: exportPrivateKey(keys.privateKey),
    deviceKeyId: publicKeyId(keys.publicKey),
    enrolledAt: new Date(ctx.clock.now()).toISOString(),
    pendingToken: null,
  })
  await saveEnrolledPlaces(ctx.db, places)
  await setSetting(ctx.db, 'server_url', serverUrl)
  return createPublicKey(keys.privateKey)
}
