import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadOrCreateProvinceKeys } from '../../../src/server/keys/province-keys'
import {
  ENROLMENT_FILE_PURPOSE,
  enrolmentFilePayloadSchema,
  signedEnvelopeSchema,
} from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import {
  EnvelopeSignatureError,
  ed25519PublicKey,
  openEnvelope,
} from '../../../src/shared/sync/device-signature.node.js'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf, errorOf } from '../api-client'
import {
  COMMUNE,
  type ConsoleSession,
  checkIn,
  consoleCall,
  enrol,
  newTestDevice,
  OTHER_COMMUNE,
  SERVER_URL,
  setUpProvince,
} from './device-test-kit'

const START = Date.parse('2025-11-25T02:00:00Z')
const HOUR = 3600_000

describe.each(serverStores())('enrolment by file on $name', (variant) => {
  let t: TestServer
  let admin: ConsoleSession
  const clock = new ManualClock(START)

  beforeEach(async () => {
    clock.set(START)
    t = await startTestServer(variant, { clock })
    admin = await setUpProvince(t, clock)
  })
  afterEach(async () => {
    await t?.close()
  })

  const createFile = async (input: { validHours?: number } = {}) =>
    dataOf(
      'devices.createEnrolmentFile',
      await consoleCall(t.url, admin, 'POST', '/api/v1/devices/enrolment-files', {
        communeCode: COMMUNE,
        serverUrl: SERVER_URL,
        ...input,
      }),
    )

  /** What the desktop does with the file: trust the key inside it, verify, then validate. */
  const openFile = (envelope: unknown) => {
    const parsed = signedEnvelopeSchema.parse(envelope)
    const unverified = enrolmentFilePayloadSchema.parse(
      JSON.parse(Buffer.from(parsed.payload, 'base64').toString('utf8')),
    )
    const key = ed25519PublicKey(unverified.provincePublicKeys.signingPublicKey)
    return enrolmentFilePayloadSchema.parse(openEnvelope(key, parsed, ENROLMENT_FILE_PURPOSE))
  }

  const addVillage = (code: string, communeCode: string, name: string, active = 1) =>
    t.store.db
      .insertInto('villages')
      .values({
        code,
        commune_code: communeCode,
        name,
        name_key: name.toLowerCase(),
        registered_households: 40,
        active,
        created_at: new Date(START).toISOString(),
        updated_at: new Date(START).toISOString(),
      })
      .execute()

  it('signs a file with everything the laptop needs, verifiable with the province key', async () => {
    await addVillage(`${COMMUNE}-001`, COMMUNE, 'Thôn Khuổi My')
    await addVillage(`${COMMUNE}-002`, COMMUNE, 'Thôn Nà Thác')
    await addVillage(`${COMMUNE}-003`, COMMUNE, 'Thôn Cũ', 0)
    await addVillage(`${OTHER_COMMUNE}-001`, OTHER_COMMUNE, 'Thôn Khác')

    const file = await createFile()
    const payload = openFile(file.envelope)

    expect(file.expiresAt).toBe(new Date(START + 720 * HOUR).toISOString())
    expect(file.fileName).toBe(`langso-enrolment-${COMMUNE}-2025-11-25.json`)
    expect(payload).toMatchObject({
      fileId: file.id,
      serverUrl: SERVER_URL,
      province: { code: '08', name: 'Tuyên Quang' },
      commune: { code: COMMUNE, name: 'Xã Ngọc Đường' },
      villages: [
        { code: `${COMMUNE}-001`, name: 'Thôn Khuổi My', registeredHouseholds: 40 },
        { code: `${COMMUNE}-002`, name: 'Thôn Nà Thác', registeredHouseholds: 40 },
      ],
      tokenExpiresAt: file.expiresAt,
      issuedAt: new Date(START).toISOString(),
    })
    expect(payload.forms.map((f) => [f.id, f.version])).toEqual([
      [defaultHouseholdForm.id, defaultHouseholdForm.version],
    ])
    // The key in the file is the server's own (from its key file), not one made for the file.
    const keys = await loadOrCreateProvinceKeys(t.config.dataDir, clock)
    expect(payload.provincePublicKeys.signingPublicKey).toBe(keys.signing.publicKey)
    expect(payload.provincePublicKeys.encryptionPublicKey).toBe(keys.encryption.publicKey)
    expect(file.envelope.keyId).toBe(keys.signing.keyId)
    // Only the token's hash is stored.
    const stored = JSON.stringify(
      await t.store.db.selectFrom('enrolment_codes').selectAll().execute(),
    )
    expect(stored).not.toContain(payload.enrolmentToken)
  })

  it('fails verification when any byte of the file is changed', async () => {
    const { envelope } = await createFile()
    const keys = await loadOrCreateProvinceKeys(t.config.dataDir, clock)
    const key = ed25519PublicKey(keys.signing.publicKey)
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'))
    payload.commune.code = OTHER_COMMUNE
    const tampered = {
      ...envelope,
      payload: Buffer.from(JSON.stringify(payload)).toString('base64'),
    }
    expect(() => openEnvelope(key, tampered, ENROLMENT_FILE_PURPOSE)).toThrow(
      EnvelopeSignatureError,
    )
    // So does one flipped bit of the signature.
    const flipped = Buffer.from(envelope.signature, 'base64')
    flipped[0] = (flipped[0] ?? 0) ^ 1
    expect(() =>
      openEnvelope(
        key,
        { ...envelope, signature: flipped.toString('base64') },
        ENROLMENT_FILE_PURPOSE,
      ),
    ).toThrow(EnvelopeSignatureError)
  })

  it('registers the laptop when it presents the token, once', async () => {
    const payload = openFile((await createFile()).envelope)
    const device = newTestDevice()

    const enrolled = dataOf(
      'devices.enrol',
      await enrol(t, device, { enrolmentToken: payload.enrolmentToken }),
    )
    expect(enrolled.commune).toEqual(payload.commune)
    expect(enrolled.provincePublicKeys).toEqual(payload.provincePublicKeys)
    expect(dataOf('devices.checkIn', await checkIn(t, device, 3)).deviceId).toBe(device.id)

    // The first batch may carry the token again (a re-import): same device, same key, fine.
    expect(
      dataOf('devices.enrol', await enrol(t, device, { enrolmentToken: payload.enrolmentToken })),
    ).toMatchObject({ deviceId: device.id })
    const other = await enrol(t, newTestDevice(), { enrolmentToken: payload.enrolmentToken })
    expect(errorOf(other).code).toBe('enrolment_code_used')
  })

  it('refuses an expired token, and a token given as a code', async () => {
    const payload = openFile((await createFile({ validHours: 2 })).envelope)
    const asCode = await enrol(t, newTestDevice(), { code: payload.enrolmentToken })
    expect(errorOf(asCode).code).toBe('enrolment_code_invalid')
    clock.advance(2 * HOUR)
    const late = await enrol(t, newTestDevice(), { enrolmentToken: payload.enrolmentToken })
    expect(errorOf(late).code).toBe('enrolment_code_expired')
  })

  it('lists the file among the enrolment codes as kind file', async () => {
    const file = await createFile()
    const list = dataOf(
      'devices.enrolmentCodes',
      await consoleCall(
        t.url,
        admin,
        'GET',
        `/api/v1/devices/enrolment-codes?communeCode=${COMMUNE}`,
      ),
    )
    expect(list.items).toMatchObject([{ id: file.id, kind: 'file', state: 'active' }])
  })
})
