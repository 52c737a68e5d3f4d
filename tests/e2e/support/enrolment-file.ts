import { generateKeyPairSync, randomUUID } from 'node:crypto'
import {
  ENROLMENT_FILE_PURPOSE,
  type EnrolmentFilePayloadRead,
} from '../../../src/shared/api/http.contract'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import {
  publicKeyId,
  rawPublicKeyBase64,
  signEnvelope,
} from '../../../src/shared/sync/device-signature.node.js'

/**
 * An enrolment file for the pilot commune, signed by a province key made here: what a
 * laptop without network receives from province staff. Suites that do not talk to a server
 * enrol the desktop with it (the offline path), so the app opens on its screens.
 */
export function pilotEnrolmentFile(serverUrl = 'https://langso.tuyenquang.example'): string {
  const signing = generateKeyPairSync('ed25519')
  const encryption = generateKeyPairSync('x25519')
  const signingPublicKey = rawPublicKeyBase64(signing.publicKey)
  const encryptionPublicKey = rawPublicKeyBase64(encryption.publicKey)
  const payload: EnrolmentFilePayloadRead = {
    format: 'langso-enrolment-file',
    formatVersion: 1,
    fileId: randomUUID(),
    serverUrl,
    province: { code: PILOT_COMMUNE.provinceCode, name: PILOT_COMMUNE.provinceName },
    commune: { code: PILOT_COMMUNE.code, name: PILOT_COMMUNE.name },
    villages: [...PILOT_COMMUNE.villages],
    forms: [defaultHouseholdForm],
    enrolmentToken: 'e2e-offline-token',
    tokenExpiresAt: '2099-01-01T00:00:00.000Z',
    provincePublicKeys: {
      signingKeyId: publicKeyId(signingPublicKey),
      signingPublicKey,
      encryptionKeyId: publicKeyId(encryptionPublicKey),
      encryptionPublicKey,
    },
    issuedAt: '2025-11-20T02:00:00.000Z',
  }
  return JSON.stringify(signEnvelope(signing.privateKey, ENROLMENT_FILE_PURPOSE, payload))
}
