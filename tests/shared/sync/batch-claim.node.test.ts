import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { fromBase64, toBase64 } from '../../../src/shared/sync/batch-base64'
import { encodeClaimSecret } from '../../../src/shared/sync/batch-claim.node.js'
import {
  type BatchError,
  type BatchManifest,
  openBatch,
  readBatchManifest,
  sealBatch,
} from '../../../src/shared/sync/batch-codec.node.js'
import { openPayload, signBatchBody } from '../../../src/shared/sync/batch-crypto.node.js'
import { formLayout } from '../../../src/shared/sync/batch-form-layout.node.js'
import { parseBatchFile } from '../../../src/shared/sync/batch-manifest'
import { encodePayload } from '../../../src/shared/sync/batch-payload.node.js'
import {
  DEVICE_KEY,
  OTHER_DEVICE_KEY,
  openKeys,
  PROVINCE_ENCRYPTION_KEY,
  sealKeys,
  type TestKeyPair,
} from '../../fixtures/batches/batch-keys'
import {
  BATCH_ID,
  builtinFormLookup,
  COMMUNE,
  CREATED_AT,
  craftBatch,
} from '../../fixtures/batches/hostile-corpus'
import { DEVICE_ID, realisticRevisions } from '../../fixtures/batches/realistic-households'
import { VECTOR_DEVICE_ID, VECTOR_REVISION } from '../../fixtures/batches/test-vector'
import {
  CLAIM_VECTOR_BATCH_ID,
  CLAIM_VECTOR_SECRET,
  claimVectorRawPayload,
} from './batch-claim-vector'

const SECRET = {
  enrolmentToken: 'lset_Zq3vJ8m2Kx7pLw4nRt6yUb9cHd1fGs5aEo0iNk2jMl8',
  deviceName: 'Laptop thôn Khuổi My',
}
const revisions = realisticRevisions({ count: 3, seed: 5 })

function sealWithClaim(
  claim = SECRET,
  device: TestKeyPair = DEVICE_KEY,
  legacyFormat = true,
): Uint8Array {
  return sealBatch(
    {
      batchId: BATCH_ID,
      deviceId: DEVICE_ID,
      communeCode: COMMUNE,
      createdAt: CREATED_AT,
      revisions,
      ...sealKeys(device),
      forms: builtinFormLookup,
      enrolmentClaim: claim,
    },
    { legacyFormat },
  )
}

/** A reader for a device the server does not know: it trusts the claim's key, as the server does. */
function claimReader() {
  return {
    ...openKeys(),
    devicePublicKey: (_id: string, _keyId: string, claim: { devicePublicKey: string } | null) =>
      claim?.devicePublicKey ?? null,
    forms: builtinFormLookup,
  }
}

async function refusal(bytes: Uint8Array): Promise<BatchError> {
  const error = await openBatch(bytes, claimReader()).then(
    () => null,
    (e: unknown) => e,
  )
  if (!error) throw new Error('the file was accepted')
  return error as BatchError
}

const claimRaw = () =>
  Buffer.concat([
    encodeClaimSecret(SECRET),
    encodePayload(revisions, {
      deviceId: DEVICE_ID,
      communeCode: COMMUNE,
      layouts: [formLayout(defaultHouseholdForm)],
    }),
  ])

describe('a batch carrying an enrolment claim (format version 2)', () => {
  it('round-trips: the public key is readable without keys, the token and name only once opened', async () => {
    const bytes = sealWithClaim()
    const manifest = readBatchManifest(bytes)
    expect(manifest.formatVersion).toBe(2)
    expect(bytes[8]).toBe(2)
    expect(manifest.enrolmentClaim).toEqual({ devicePublicKey: DEVICE_KEY.publicBase64 })
    expect(manifest.deviceKeyId).toBe(DEVICE_KEY.keyId)

    const opened = await openBatch(bytes, claimReader())
    expect(opened.revisions).toEqual(revisions)
    expect(opened.enrolmentClaim).toEqual({ devicePublicKey: DEVICE_KEY.publicBase64, ...SECRET })
  })

  it('keeps files without a claim at version 1, with no claim when opened', async () => {
    const bytes = sealWithClaim(null as unknown as typeof SECRET)
    expect(bytes[8]).toBe(1)
    expect(readBatchManifest(bytes).enrolmentClaim).toBeUndefined()
    const opened = await openBatch(bytes, {
      ...claimReader(),
      devicePublicKey: () => DEVICE_KEY.publicBase64,
    })
    expect(opened.enrolmentClaim).toBeUndefined()
  })

  it('never shows the token or the device name in the file bytes', () => {
    const bytes = Buffer.from(sealWithClaim())
    for (const text of [SECRET.enrolmentToken, SECRET.deviceName, 'lset_']) {
      expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false)
      expect(bytes.includes(Buffer.from(text, 'latin1'))).toBe(false)
      expect(bytes.toString('base64')).not.toContain(Buffer.from(text).toString('base64'))
    }
  })

  it('refuses a claimed key that is not the signing key (tampered key, mismatched key id)', async () => {
    const bytes = sealWithClaim()
    const layout = parseBatchFile(bytes)
    // The claimed key is the manifest's last 32 bytes.
    const keyAt = layout.prefixEnd - 32 - 32
    const tampered = Uint8Array.from(bytes)
    tampered.set(Buffer.from(OTHER_DEVICE_KEY.publicBase64, 'base64'), keyAt)
    expect(readBatchManifest(tampered).enrolmentClaim?.devicePublicKey).toBe(
      OTHER_DEVICE_KEY.publicBase64,
    )
    expect((await refusal(tampered)).reason).toBe('signature_invalid')

    const mismatched = craftBatch({
      raw: claimRaw(),
      manifest: {
        formatVersion: 2,
        enrolmentClaim: { devicePublicKey: OTHER_DEVICE_KEY.publicBase64 },
      },
    })
    const error = await refusal(mismatched)
    expect(error.reason).toBe('signature_invalid')
    expect(error.message).toContain('is not the key')
  })

  it('refuses a stolen file re-signed for another device: the token stays bound to the manifest', async () => {
    // The thief swaps in their own key (claim and key id) and signs: the AEAD covers the
    // manifest, so the payload (and its token) no longer decrypts.
    const bytes = sealWithClaim()
    const layout = parseBatchFile(bytes)
    const copy = Uint8Array.from(bytes)
    const keyAt = layout.prefixEnd - 32 - 32
    copy.set(Buffer.from(OTHER_DEVICE_KEY.publicBase64, 'base64'), keyAt)
    const keyIdAt = keyAt - 1 - (13 + defaultHouseholdForm.id.length) - 1 - 16
    copy.set(Buffer.from(OTHER_DEVICE_KEY.keyId, 'hex'), keyIdAt)
    const body = copy.subarray(0, layout.signatureStart)
    copy.set(signBatchBody(body, OTHER_DEVICE_KEY.privateKey), layout.signatureStart)
    expect(readBatchManifest(copy).deviceKeyId).toBe(OTHER_DEVICE_KEY.keyId)
    expect((await refusal(copy)).reason).toBe('decrypt_failed')
  })

  it('refuses a version-2 file whose payload lacks the claim secret, or with reserved flags', async () => {
    const noSecret = craftBatch({
      manifest: { formatVersion: 2, enrolmentClaim: { devicePublicKey: DEVICE_KEY.publicBase64 } },
    })
    expect((await refusal(noSecret)).reason).toBe('batch_malformed')

    const valid = sealWithClaim()
    const flagsAt = parseBatchFile(valid).prefixEnd - 32 - 32 - 1
    for (const flags of [0, 2, 3, 0x81]) {
      const copy = Uint8Array.from(valid)
      copy[flagsAt] = flags
      expect(() => readBatchManifest(copy)).toThrow(
        expect.objectContaining({ reason: 'batch_malformed' }),
      )
    }
    // A version-1 file read as version 2 has no extension area.
    const v1 = craftBatch()
    const asV2 = Uint8Array.from(v1)
    asV2[8] = 2
    expect(() => readBatchManifest(asV2)).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
  })

  it('a known device may still carry the claim; a revoked one (no key) is refused', async () => {
    const bytes = sealWithClaim()
    const known = await openBatch(bytes, {
      ...claimReader(),
      devicePublicKey: () => DEVICE_KEY.publicBase64,
    })
    expect(known.enrolmentClaim?.enrolmentToken).toBe(SECRET.enrolmentToken)
    const revoked = await openBatch(bytes, { ...claimReader(), devicePublicKey: () => null }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(revoked).toMatchObject({ reason: 'device_unknown' })
  })

  it('round-trips any token and device name the enrolment API accepts (property, version 3)', async () => {
    const text = (max: number) =>
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((v) => v.trim() !== '')
    const oneRevision = revisions.slice(0, 1)
    await fc.assert(
      fc.asyncProperty(
        // The API counts UTF-16 units: at most 128 for a token, 80 for a name.
        text(128).filter((token) => token.length <= 128),
        text(80).filter((name) => name.length <= 80),
        async (token, name) => {
          const claim = { enrolmentToken: token, deviceName: name }
          const bytes = sealBatch({
            batchId: BATCH_ID,
            deviceId: DEVICE_ID,
            communeCode: COMMUNE,
            createdAt: CREATED_AT,
            revisions: oneRevision,
            ...sealKeys(),
            forms: builtinFormLookup,
            enrolmentClaim: claim,
          })
          const opened = await openBatch(bytes, claimReader())
          expect(opened.enrolmentClaim).toMatchObject(claim)
          if (token.length >= 12)
            expect(Buffer.from(bytes).includes(Buffer.from(token))).toBe(false)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('will not seal a claim the server would refuse to read', () => {
    expect(() => sealWithClaim({ enrolmentToken: ' ', deviceName: 'x' })).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
    expect(() => sealWithClaim({ enrolmentToken: 't', deviceName: 'n'.repeat(81) })).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
    const manifest: Partial<BatchManifest> = { formatVersion: 2 }
    expect(() => craftBatch({ manifest })).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
  })
})

describe('a version-3 batch carrying an enrolment claim (what devices write)', () => {
  const sealV3 = (claim: typeof SECRET | null = SECRET) =>
    sealWithClaim(claim as typeof SECRET, DEVICE_KEY, false)

  it('round-trips at version 3, with or without a claim', async () => {
    const bytes = sealV3()
    expect(bytes[8]).toBe(3)
    const manifest = readBatchManifest(bytes)
    expect(manifest).toMatchObject({
      formatVersion: 3,
      enrolmentClaim: { devicePublicKey: DEVICE_KEY.publicBase64 },
      deviceKeyId: DEVICE_KEY.keyId,
    })
    const opened = await openBatch(bytes, claimReader())
    expect(opened.revisions).toEqual(revisions)
    expect(opened.enrolmentClaim).toEqual({ devicePublicKey: DEVICE_KEY.publicBase64, ...SECRET })

    const plain = sealV3(null)
    expect(plain[8]).toBe(3)
    expect(readBatchManifest(plain).enrolmentClaim).toBeUndefined()
    expect(readBatchManifest(plain).formatVersion).toBe(3)
  })

  it('refuses a tampered claimed key and a stolen file re-signed for another device', async () => {
    const bytes = sealV3()
    const layout = parseBatchFile(bytes)
    const keyAt = layout.prefixEnd - 32 - 32
    const tampered = Uint8Array.from(bytes)
    tampered.set(Buffer.from(OTHER_DEVICE_KEY.publicBase64, 'base64'), keyAt)
    expect((await refusal(tampered)).reason).toBe('signature_invalid')

    // Flags (1) and the built-in form (count, id length 0, version, 8-byte hash) lie
    // between the device key id and the claimed key.
    const copy = Uint8Array.from(bytes)
    copy.set(Buffer.from(OTHER_DEVICE_KEY.publicBase64, 'base64'), keyAt)
    copy.set(Buffer.from(OTHER_DEVICE_KEY.keyId, 'hex'), keyAt - 1 - 11 - 16)
    const body = copy.subarray(0, layout.signatureStart)
    copy.set(signBatchBody(body, OTHER_DEVICE_KEY.privateKey), layout.signatureStart)
    expect(readBatchManifest(copy).deviceKeyId).toBe(OTHER_DEVICE_KEY.keyId)
    expect((await refusal(copy)).reason).toBe('decrypt_failed')
  })

  it('never shows the token or the device name in the file bytes', () => {
    const bytes = Buffer.from(sealV3())
    for (const text of [SECRET.enrolmentToken, SECRET.deviceName, 'lset_']) {
      expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false)
    }
  })
})

describe('the documented claim test vector', () => {
  const docs = readFileSync(join(process.cwd(), 'docs/batch-format.md'), 'utf8')
  const hex = (name: string) => {
    const match = new RegExp(`\`\`\`\\w+ ${name}\\n([\\s\\S]*?)\\n\`\`\``).exec(docs)
    if (!match?.[1]) throw new Error(`docs/batch-format.md has no ${name} block`)
    return Buffer.from(match[1].replace(/\s+/g, ''), 'hex')
  }

  it('opens with the documented keys to the documented revision and claim', async () => {
    const file = hex('vector-claim-file')
    const manifest = readBatchManifest(file)
    expect(manifest).toMatchObject({
      formatVersion: 2,
      batchId: CLAIM_VECTOR_BATCH_ID,
      deviceId: VECTOR_DEVICE_ID,
      enrolmentClaim: { devicePublicKey: DEVICE_KEY.publicBase64 },
    })
    const opened = await openBatch(file, claimReader())
    expect(opened.revisions).toEqual([VECTOR_REVISION])
    expect(opened.enrolmentClaim).toEqual({
      devicePublicKey: DEVICE_KEY.publicBase64,
      ...CLAIM_VECTOR_SECRET,
    })
  })

  it('documents exactly the raw payload this implementation writes', () => {
    const raw = hex('vector-claim-raw-payload')
    expect(raw.equals(Buffer.from(claimVectorRawPayload()))).toBe(true)
    // Decrypting the documented file by hand gives the documented raw payload.
    const file = hex('vector-claim-file')
    const layout = parseBatchFile(file)
    const plaintext = openPayload(
      layout.ciphertext,
      file.subarray(0, layout.prefixEnd),
      layout.ephemeralKey,
      PROVINCE_ENCRYPTION_KEY.privateKey,
    )
    expect(brotliDecompressSync(plaintext).equals(raw)).toBe(true)
  })
})

describe('the pure base64 of the manifest', () => {
  it('agrees with Node for any bytes and reads back only canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const text = toBase64(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64'))
        expect(fromBase64(text)).toEqual(bytes)
      }),
    )
    for (const bad of ['abc', 'ab=c', 'YQ', 'YR==', 'Y===', 'YQ==\n'])
      expect(fromBase64(bad)).toBeNull()
  })
})
