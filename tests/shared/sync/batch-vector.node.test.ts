import { createDecipheriv, createHash, verify } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { openBatch, readBatchManifest } from '../../../src/shared/sync/batch-codec.node.js'
import { batchDictionary1 } from '../../../src/shared/sync/batch-compression.node.js'
import { formLayout } from '../../../src/shared/sync/batch-form-layout.node.js'
import { decodePayload, encodePayload } from '../../../src/shared/sync/batch-payload.node.js'
import {
  DEVICE_KEY,
  knownDevice,
  openKeys,
  PROVINCE_ENCRYPTION_KEY,
} from '../../fixtures/batches/batch-keys'
import { builtinFormLookup } from '../../fixtures/batches/hostile-corpus'
import {
  COMPACT_VECTOR_BATCH_ID,
  compactVectorRawPayload,
  VECTOR_BATCH_ID,
  VECTOR_CREATED_AT,
  VECTOR_DEVICE_ID,
  VECTOR_REVISION,
  vectorSteps,
} from '../../fixtures/batches/test-vector'

/** The test vector as docs/batch-format.md prints it: what another implementation reads. */
const docs = readFileSync(join(process.cwd(), 'docs/batch-format.md'), 'utf8')

function block(name: string): string {
  const match = new RegExp(`\`\`\`\\w+ ${name}\\n([\\s\\S]*?)\\n\`\`\``).exec(docs)
  if (!match?.[1]) throw new Error(`docs/batch-format.md has no ${name} block`)
  return match[1]
}

const hex = (name: string) => Buffer.from(block(name).replace(/\s+/g, ''), 'hex')
const context = {
  deviceId: VECTOR_DEVICE_ID,
  communeCode: '00700',
  layouts: [formLayout(defaultHouseholdForm)],
}

describe('the documented test vector', () => {
  const file = hex('vector-file')
  const revision = JSON.parse(block('vector-revision')) as unknown

  it('documents the fixture revision', () => {
    expect(revision).toEqual(VECTOR_REVISION)
  })

  it('opens with the documented keys to the documented revision', async () => {
    const opened = await openBatch(file, {
      ...openKeys(),
      devicePublicKey: knownDevice(VECTOR_DEVICE_ID),
      forms: builtinFormLookup,
    })
    expect(opened.revisions).toEqual([revision])
  })

  it('has the documented manifest, readable without keys', () => {
    const manifest = readBatchManifest(file)
    expect(manifest).toMatchObject({
      batchId: VECTOR_BATCH_ID,
      deviceId: VECTOR_DEVICE_ID,
      communeCode: '00700',
      createdAt: VECTOR_CREATED_AT,
      counts: { revisions: 1, households: 1, members: 1 },
      provinceKeyId: PROVINCE_ENCRYPTION_KEY.keyId,
      deviceKeyId: DEVICE_KEY.keyId,
    })
    expect(manifest.payload.rawBytes).toBe(hex('vector-raw-payload').length)
  })

  it('documents exactly the raw payload this implementation writes, and it decodes', () => {
    const raw = hex('vector-raw-payload')
    expect(Buffer.from(encodePayload([VECTOR_REVISION], context)).equals(raw)).toBe(true)
    expect(decodePayload(raw, context)).toEqual([revision])
  })

  it('documents the layout text and its hash', () => {
    const text = block('vector-layout-text')
    const hash = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)
    expect(hash).toBe(formLayout(defaultHouseholdForm).hash)
    expect(readBatchManifest(file).forms[0]?.layoutHash).toBe(hash)
  })

  it('documents the intermediate values of the encryption', () => {
    const steps = vectorSteps(file)
    expect(block('vector-values')).toBe(
      [
        `shared secret: ${steps.sharedSecret}`,
        `aes key: ${steps.aesKey}`,
        `nonce: ${steps.nonce}`,
      ].join('\n'),
    )
    expect(docs).toContain(steps.devicePublicKey)
    expect(docs).toContain(steps.provincePublicKey)
    expect(docs).toContain(steps.ephemeralPublicKey)
  })

  it('reads by the documented steps alone, without the codec', () => {
    const manifestLength = file.readUInt16BE(9)
    const payloadLength = file.readUInt32BE(11 + 16 + 16 + 5 + 8 + 12)
    const prefixEnd = 11 + manifestLength + 32
    const signatureStart = prefixEnd + payloadLength + 16
    expect(file.length).toBe(123 + manifestLength + payloadLength)
    const signed = Buffer.concat([
      Buffer.from('LANGSO-DEVICE-BATCH-V1\n'),
      file.subarray(0, signatureStart),
    ])
    expect(verify(null, signed, DEVICE_KEY.publicKey, file.subarray(signatureStart))).toBe(true)
    const value = (name: string) =>
      block('vector-values')
        .split('\n')
        .find((line) => line.startsWith(`${name}: `))
        ?.slice(name.length + 2) ?? ''
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(value('aes key'), 'hex'),
      Buffer.from(value('nonce'), 'hex'),
    )
    decipher.setAAD(file.subarray(0, prefixEnd))
    decipher.setAuthTag(file.subarray(signatureStart - 16, signatureStart))
    const plaintext = Buffer.concat([
      decipher.update(file.subarray(prefixEnd, signatureStart - 16)),
      decipher.final(),
    ])
    expect(createHash('sha256').update(plaintext).digest('hex')).toBe(
      readBatchManifest(file).payload.sha256,
    )
    expect(brotliDecompressSync(plaintext).equals(hex('vector-raw-payload'))).toBe(true)
  })
})

describe('the documented version-3 test vector', () => {
  const file = hex('vector3-file')
  const revision = JSON.parse(block('vector-revision')) as unknown

  it('opens with the documented keys to the documented revision', async () => {
    const opened = await openBatch(file, {
      ...openKeys(),
      devicePublicKey: knownDevice(VECTOR_DEVICE_ID),
      forms: builtinFormLookup,
    })
    expect(opened.revisions).toEqual([revision])
    expect(opened.manifest).toMatchObject({
      formatVersion: 3,
      batchId: COMPACT_VECTOR_BATCH_ID,
      deviceId: VECTOR_DEVICE_ID,
      communeCode: '00700',
      createdAt: VECTOR_CREATED_AT,
      counts: { revisions: 1, households: 1, members: 1 },
      payload: { rawBytes: hex('vector3-raw-payload').length, codec: 'deflate-dictionary-1' },
      provinceKeyId: PROVINCE_ENCRYPTION_KEY.keyId,
      deviceKeyId: DEVICE_KEY.keyId,
    })
  })

  it('documents exactly the grammar-3 raw payload this implementation writes, and it decodes', () => {
    const raw = hex('vector3-raw-payload')
    expect(Buffer.from(compactVectorRawPayload()).equals(raw)).toBe(true)
    const compact = { ...context, compact: { createdMs: Date.parse(VECTOR_CREATED_AT) } }
    expect(decodePayload(raw, compact)).toEqual([revision])
  })

  it('reads by the documented steps alone, without the codec', () => {
    expect(file[8]).toBe(3)
    const manifestLength = file[9] ?? 0
    expect(manifestLength).toBeLessThan(0x80)
    const prefixEnd = 10 + manifestLength + 32
    const signatureStart = file.length - 64
    const signed = Buffer.concat([
      Buffer.from('LANGSO-DEVICE-BATCH-V1\n'),
      file.subarray(0, signatureStart),
    ])
    expect(verify(null, signed, DEVICE_KEY.publicKey, file.subarray(signatureStart))).toBe(true)
    const value = (name: string) =>
      block('vector3-values')
        .split('\n')
        .find((line) => line.startsWith(`${name}: `))
        ?.slice(name.length + 2) ?? ''
    const steps = vectorSteps(file)
    expect([steps.aesKey, steps.nonce]).toEqual([value('aes key'), value('nonce')])
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(value('aes key'), 'hex'),
      Buffer.from(value('nonce'), 'hex'),
    )
    decipher.setAAD(file.subarray(0, prefixEnd))
    decipher.setAuthTag(file.subarray(signatureStart - 16, signatureStart))
    const plaintext = Buffer.concat([
      decipher.update(file.subarray(prefixEnd, signatureStart - 16)),
      decipher.final(),
    ])
    const dictionary = batchDictionary1()
    expect(createHash('sha256').update(dictionary).digest('hex')).toBe(
      '89fb259f4ab8131a3124eda367030e02481e3274fbe71002ad9935f4fbe3b4d2',
    )
    expect(inflateRawSync(plaintext, { dictionary }).equals(hex('vector3-raw-payload'))).toBe(true)
  })
})
