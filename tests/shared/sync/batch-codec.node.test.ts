import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { validateResponse } from '../../../src/shared/forms/validate-response'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { PILOT_COMMUNE } from '../../../src/shared/places/pilot-places'
import {
  BatchError,
  type BatchErrorReason,
  openBatch,
  readBatchManifest,
  type SealBatchInput,
  sealBatch,
} from '../../../src/shared/sync/batch-codec.node.js'
import { formLayout } from '../../../src/shared/sync/batch-form-layout.node.js'
import {
  DEVICE_KEY,
  knownDevice,
  OTHER_PROVINCE_ENCRYPTION_KEY,
  openKeys,
  PROVINCE_ENCRYPTION_KEY,
  sealKeys,
} from '../../fixtures/batches/batch-keys'
import { BATCH_ID, COMMUNE, CREATED_AT, craftBatch } from '../../fixtures/batches/hostile-corpus'
import { DEVICE_ID, realisticRevisions } from '../../fixtures/batches/realistic-households'
import { revisionArbitrary, testForms, wideForm } from '../../fixtures/batches/revision-arbitraries'

function input(
  revisions: HouseholdRevision[],
  overrides: Partial<SealBatchInput> = {},
): SealBatchInput {
  return {
    batchId: BATCH_ID,
    deviceId: DEVICE_ID,
    communeCode: COMMUNE,
    createdAt: CREATED_AT,
    revisions,
    ...sealKeys(),
    forms: testForms,
    ...overrides,
  }
}

const reader = { ...openKeys(), devicePublicKey: knownDevice(DEVICE_ID), forms: testForms }

function sealError(seal: () => unknown): BatchErrorReason | 'none' {
  try {
    seal()
    return 'none'
  } catch (error) {
    if (error instanceof BatchError) return error.reason
    throw error
  }
}

describe('a realistic batch', () => {
  const revisions = realisticRevisions({ count: 100 })
  const bytes = sealBatch(input(revisions))

  it('is made of valid household forms (the fixture is realistic)', () => {
    const villages = PILOT_COMMUNE.villages.map((v) => v.code)
    for (const revision of revisions) {
      const result = validateResponse(defaultHouseholdForm, revision.response, {
        visitDate: revision.visitDate,
        villages,
      })
      expect(result.errors).toBe(0)
    }
  })

  it('opens to exactly the revisions that were sealed', async () => {
    const opened = await openBatch(bytes, reader)
    expect(opened.revisions).toEqual(revisions)
    expect(isDeepStrictEqual(opened.revisions, revisions)).toBe(true)
  })

  it('has a manifest anyone can read without a key', () => {
    const manifest = readBatchManifest(bytes)
    expect(manifest).toEqual({
      formatVersion: 3,
      batchId: BATCH_ID,
      deviceId: DEVICE_ID,
      communeCode: COMMUNE,
      createdAt: CREATED_AT,
      forms: [
        {
          id: defaultHouseholdForm.id,
          version: 1,
          layoutHash: formLayout(defaultHouseholdForm).hash,
        },
      ],
      counts: { revisions: 100, households: 100, members: 600 },
      payload: {
        bytes: expect.any(Number),
        rawBytes: expect.any(Number),
        codec: 'brotli',
      },
      provinceKeyId: PROVINCE_ENCRYPTION_KEY.keyId,
      deviceKeyId: DEVICE_KEY.keyId,
    })
  })

  it('shows nothing but the manifest: no name, phone or id is in the clear', () => {
    const file = Buffer.from(bytes)
    const first = revisions[0] as HouseholdRevision
    const head = first.response.answers.head_name as string
    const phone = first.response.answers.phone as string | undefined
    for (const secret of [head, phone ?? '0912', first.householdId, first.visitId]) {
      expect(file.includes(Buffer.from(secret, 'utf8'))).toBe(false)
    }
    expect(file.includes(Buffer.from(first.id.replace(/-/g, ''), 'hex'))).toBe(false)
  })

  it('stays under 400 bytes per 6-member household', () => {
    expect(bytes.length / revisions.length).toBeLessThan(400)
  })

  it('seals the same revisions differently each time (fresh key), both open the same', async () => {
    const again = sealBatch(input(revisions))
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(false)
    expect((await openBatch(again, reader)).revisions).toEqual(revisions)
  })
})

describe('exact round trip', () => {
  const [base] = realisticRevisions({ count: 1, seed: 3 }) as [HouseholdRevision]

  it('keeps every unusual but valid revision as it was', async () => {
    const odd: HouseholdRevision = {
      ...base,
      baseRevisionId: '019ab5e6-6c00-7000-8000-00000000aaaa',
      hlc: '000000000000042-00007-0123456789abcdef',
      visitDate: '0099-02-28',
      savedAt: '2025-11-24T23:00:00+07:00',
      enumerator: null,
      response: {
        answers: {
          village: 'thôn không có trong danh sách',
          h_internet: 'satellite',
          h_support_needs: ['skills', 'vneid', 'skills'],
          h_no_fibre_reason: [],
          h_business: 'yes',
          consent: null,
          notes: ['a', 'b'],
          phone: '0912345678',
          h_qr_payment: '000000000000000',
          h_ecommerce: '1234567890123456',
          g: ['0912345678', ''],
          n: 912345678,
          address: -0,
          head_name: 1.5,
          '': 'empty key',
          constructor: 'not a prototype',
          ignored_by_form: ['x'],
        },
        repeats: {
          members: [],
          extra_rows: [
            { id: '019ab5e6-6c00-7000-8000-00000000bbbb', answers: { a: 1 } },
            { id: '6f1c2d3e-4b5a-4c6d-8e7f-000000000001', answers: { b: '007' } },
            { id: '00000000-0000-0000-0000-000000000000', answers: {} },
          ],
        },
      },
    }
    const withoutEnumerator = { ...base, response: { answers: {}, repeats: {} } }
    delete withoutEnumerator.enumerator
    const revisions = [odd, withoutEnumerator]
    for (const legacyFormat of [false, true]) {
      const opened = await openBatch(sealBatch(input(revisions), { legacyFormat }), reader)
      expect(isDeepStrictEqual(opened.revisions, revisions)).toBe(true)
      expect(Object.is(opened.revisions[0]?.response.answers.address, -0)).toBe(true)
      expect('enumerator' in (opened.revisions[1] ?? {})).toBe(false)
    }
  })

  it('carries revisions of several form versions, listed in first-use order', async () => {
    const [wide] = fc.sample(
      revisionArbitrary(DEVICE_ID, COMMUNE).filter((r) => r.formId === wideForm.id),
      { numRuns: 1, seed: 5 },
    )
    const revisions = [wide as HouseholdRevision, base]
    const bytes = sealBatch(input(revisions))
    expect(readBatchManifest(bytes).forms.map((f) => `${f.id}@${f.version}`)).toEqual([
      'wide-test-form@3',
      'household-digital-readiness@1',
    ])
    expect((await openBatch(bytes, reader)).revisions).toEqual(revisions)
  })

  it('round-trips any valid revisions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(revisionArbitrary(DEVICE_ID, COMMUNE), { minLength: 1, maxLength: 5 }),
        async (revisions) => {
          const opened = await openBatch(sealBatch(input(revisions)), reader)
          expect(isDeepStrictEqual(opened.revisions, revisions)).toBe(true)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('round-trips any valid revisions in the files of earlier writers (format version 1, property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(revisionArbitrary(DEVICE_ID, COMMUNE), { minLength: 1, maxLength: 5 }),
        async (revisions) => {
          const bytes = sealBatch(input(revisions), { legacyFormat: true })
          expect(bytes[8]).toBe(1)
          const opened = await openBatch(bytes, reader)
          expect(isDeepStrictEqual(opened.revisions, revisions)).toBe(true)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('refuses a manifest that lists a form no revision uses', async () => {
    const layouts = [formLayout(defaultHouseholdForm), formLayout(wideForm)]
    const bytes = craftBatch({
      manifest: {
        forms: layouts.map((l) => ({ id: l.formId, version: l.version, layoutHash: l.hash })),
      },
    })
    await expect(openBatch(bytes, reader)).rejects.toMatchObject({ reason: 'manifest_mismatch' })
  })
})

describe('sealing refuses what a reader would refuse', () => {
  const [revision] = realisticRevisions({ count: 1, seed: 4 }) as [HouseholdRevision]

  it.each<[string, () => unknown, BatchErrorReason]>([
    ['no revisions', () => sealBatch(input([])), 'batch_malformed'],
    [
      'a batch id that is not a UUIDv7',
      () => sealBatch(input([revision], { batchId: '6f1c2d3e-4b5a-4c6d-8e7f-000000000001' })),
      'batch_malformed',
    ],
    [
      'a bad creation time',
      () => sealBatch(input([revision], { createdAt: 'yesterday' })),
      'batch_malformed',
    ],
    [
      'an invalid revision',
      () => sealBatch(input([{ ...revision, hlc: 'now' }])),
      'revision_invalid',
    ],
    [
      'a revision of another commune',
      () => sealBatch(input([{ ...revision, communeCode: '00701' }])),
      'manifest_mismatch',
    ],
    [
      'a revision of another device',
      () => sealBatch(input([revision], { deviceId: '019ab5e6-6c00-7000-8000-00000000d002' })),
      'manifest_mismatch',
    ],
    [
      'an unknown form version',
      () => sealBatch(input([{ ...revision, formVersion: 9 }])),
      'form_unknown',
    ],
    [
      'text with an unpaired surrogate',
      () => sealBatch(input([{ ...revision, villageCode: 'x\uD800' }])),
      'revision_invalid',
    ],
    [
      'an upper-case UUID',
      () => sealBatch(input([{ ...revision, visitId: revision.visitId.toUpperCase() }])),
      'revision_invalid',
    ],
    [
      'a signing key id of another key',
      () =>
        sealBatch(
          input([revision], { device: { ...sealKeys().device, signingKeyId: '00'.repeat(16) } }),
        ),
      'signature_invalid',
    ],
    [
      'a province key id of another key',
      () =>
        sealBatch(
          input([revision], {
            province: {
              encryptionPublicKey: OTHER_PROVINCE_ENCRYPTION_KEY.publicBase64,
              encryptionKeyId: PROVINCE_ENCRYPTION_KEY.keyId,
            },
          }),
        ),
      'wrong_province_key',
    ],
    [
      'a malformed province key',
      () =>
        sealBatch(
          input([revision], {
            province: {
              encryptionPublicKey: 'not base64!',
              encryptionKeyId: PROVINCE_ENCRYPTION_KEY.keyId,
            },
          }),
        ),
      'wrong_province_key',
    ],
  ])('%s', (_name, seal, reason) => {
    expect(sealError(seal)).toBe(reason)
  })
})
