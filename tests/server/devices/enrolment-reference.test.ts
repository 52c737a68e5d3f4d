import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ENROLMENT_FILE_PURPOSE,
  enrolmentFilePayloadSchema,
  signedEnvelopeSchema,
} from '../../../src/shared/api/http.contract'
import { ManualClock } from '../../../src/shared/clock/clock'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import type { FormDefinition, Group } from '../../../src/shared/forms/form-definition.schema'
import { ed25519PublicKey, openEnvelope } from '../../../src/shared/sync/device-signature.node.js'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { dataOf } from '../api-client'
import {
  COMMUNE,
  type ConsoleSession,
  consoleCall,
  createCode,
  enrol,
  newTestDevice,
  OTHER_COMMUNE,
  SERVER_URL,
  setUpProvince,
} from './device-test-kit'

const START = Date.parse('2025-11-25T02:00:00Z')
const FORM_ID = defaultHouseholdForm.id

/** Version 2 of the household form: one more question, as staff would publish it. */
function versionTwo(): FormDefinition {
  const form = structuredClone(defaultHouseholdForm)
  const details = form.sections[0]?.items.find((i) => i.id === 'household_details') as Group
  details.items.splice(2, 0, {
    kind: 'question',
    id: 'h_computer',
    type: 'yes_no',
    label: { vi: 'Hộ có máy tính', en: 'Household has a computer' },
    required: true,
  })
  return { ...form, version: 2 }
}

/**
 * What a laptop must hold to work offline from the moment it enrols: every published form
 * version and each village's registered households, by code and by file alike.
 */
describe.each(serverStores())('reference data at enrolment on $name', (variant) => {
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

  const publishVersionTwo = async () =>
    dataOf(
      'forms.publish',
      await consoleCall(t.url, admin, 'POST', `/api/v1/forms/${FORM_ID}/versions`, {
        definition: versionTwo(),
      }),
    )

  const createVillage = async (communeCode: string, name: string, registeredHouseholds: number) =>
    dataOf(
      'places.createVillage',
      await consoleCall(t.url, admin, 'POST', `/api/v1/places/communes/${communeCode}/villages`, {
        name,
        registeredHouseholds,
      }),
    )

  /** The commune's villages as staff made them, plus one elsewhere and one deactivated. */
  const prepareReference = async () => {
    const khuoiMy = await createVillage(COMMUNE, 'Thôn Khuổi My', 120)
    const naThac = await createVillage(COMMUNE, 'Thôn Nà Thác', 0)
    const old = await createVillage(COMMUNE, 'Thôn Cũ', 15)
    await t.store.db
      .updateTable('villages')
      .set({ active: 0 })
      .where('code', '=', old.code)
      .execute()
    await createVillage(OTHER_COMMUNE, 'Thôn Khác', 33)
    await publishVersionTwo()
    return [
      { code: khuoiMy.code, name: 'Thôn Khuổi My', registeredHouseholds: 120 },
      { code: naThac.code, name: 'Thôn Nà Thác', registeredHouseholds: 0 },
    ]
  }

  it('answers an enrolment by code with every published version and the village registers', async () => {
    const villages = await prepareReference()

    const made = await createCode(t, admin)
    const enrolled = dataOf('devices.enrol', await enrol(t, newTestDevice(), { code: made.code }))

    expect(enrolled.villages).toEqual(villages)
    expect(enrolled.forms.map((f) => [f.id, f.version])).toEqual([
      [FORM_ID, 1],
      [FORM_ID, 2],
    ])
    expect(enrolled.forms[1]).toEqual(versionTwo())
    expect(enrolled.forms[0]).toEqual(defaultHouseholdForm)
  })

  it('answers a retried enrolment and a file token with the same reference data', async () => {
    const villages = await prepareReference()
    const device = newTestDevice()
    const { code } = await createCode(t, admin)
    dataOf('devices.enrol', await enrol(t, device, { code }))

    // The first answer was lost: the retry still carries everything.
    const retry = dataOf('devices.enrol', await enrol(t, device, { code }))
    expect(retry.villages).toEqual(villages)
    expect(retry.forms.map((f) => f.version)).toEqual([1, 2])

    const file = dataOf(
      'devices.createEnrolmentFile',
      await consoleCall(t.url, admin, 'POST', '/api/v1/devices/enrolment-files', {
        communeCode: COMMUNE,
        serverUrl: SERVER_URL,
      }),
    )
    const envelope = signedEnvelopeSchema.parse(file.envelope)
    const unverified = enrolmentFilePayloadSchema.parse(
      JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')),
    )
    const key = ed25519PublicKey(unverified.provincePublicKeys.signingPublicKey)
    // The added field is inside the signed bytes: the file still verifies as format version 1.
    const payload = enrolmentFilePayloadSchema.parse(
      openEnvelope(key, envelope, ENROLMENT_FILE_PURPOSE),
    )
    expect(payload.formatVersion).toBe(1)
    expect(payload.villages).toEqual(villages)
    expect(payload.forms.map((f) => f.version)).toEqual([1, 2])

    const byToken = dataOf(
      'devices.enrol',
      await enrol(t, newTestDevice(), { enrolmentToken: payload.enrolmentToken }),
    )
    expect(byToken.villages).toEqual(payload.villages)
    expect(byToken.forms).toEqual(payload.forms)
  })
})
