import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildDictionary } from '../../../scripts/build-batch-dictionary'
import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { ByteReader, ByteWriter, uuidToBytes } from '../../../src/shared/sync/batch-bytes'
import {
  openBatch,
  readBatchManifest,
  type SealBatchInput,
  sealBatch,
} from '../../../src/shared/sync/batch-codec.node.js'
import { batchDictionary1 } from '../../../src/shared/sync/batch-compression.node.js'
import { BATCH_DICTIONARY_1_SHA256 } from '../../../src/shared/sync/batch-dictionary.generated'
import { BUILTIN_FORM_ID } from '../../../src/shared/sync/batch-format'
import {
  readCompactUuid,
  readDigits,
  writeCompactUuid,
  writeDigits,
} from '../../../src/shared/sync/batch-payload-values'
import { DEVICE_KEY, knownDevice, openKeys, sealKeys } from '../../fixtures/batches/batch-keys'
import {
  BATCH_ID,
  builtinFormLookup,
  COMMUNE,
  CREATED_AT,
} from '../../fixtures/batches/hostile-corpus'
import { DEVICE_ID, realisticRevisions } from '../../fixtures/batches/realistic-households'

const uuidBytes = (uuid: string) => uuidToBytes(uuid) ?? new Uint8Array(16)
const reader = { ...openKeys(), devicePublicKey: knownDevice(DEVICE_ID), forms: builtinFormLookup }

function input(count: number, overrides: Partial<SealBatchInput> = {}): SealBatchInput {
  return {
    batchId: BATCH_ID,
    deviceId: DEVICE_ID,
    communeCode: COMMUNE,
    createdAt: CREATED_AT,
    revisions: realisticRevisions({ count, seed: 42 }),
    ...sealKeys(),
    forms: builtinFormLookup,
    ...overrides,
  }
}

describe('format version 3', () => {
  it('compresses a few households with the dictionary, many with Brotli', () => {
    expect(readBatchManifest(sealBatch(input(1))).payload.codec).toBe('deflate-dictionary-1')
    expect(readBatchManifest(sealBatch(input(400))).payload.codec).toBe('brotli')
  })

  it('makes every file smaller than format version 1 did, most of all a small one', () => {
    const sizes = [1, 10, 100].map((count) => ({
      count,
      v3: sealBatch(input(count)).length,
      v1: sealBatch(input(count), { legacyFormat: true }).length,
    }))
    for (const { count, v3, v1 } of sizes) expect(v3, `${count} households`).toBeLessThan(v1)
    const single = sizes[0] as { v1: number; v3: number }
    expect(single.v1 - single.v3).toBeGreaterThan(200)
  })

  it('opens a file whose creation time is far from its batch id time', async () => {
    const bytes = sealBatch(input(2, { createdAt: '2031-02-03T04:05:06.789+07:00' }))
    const opened = await openBatch(bytes, reader)
    expect(opened.manifest.createdAt).toBe('2031-02-02T21:05:06.789Z')
    expect(opened.revisions).toEqual(input(2).revisions)
  })

  it('writes the built-in form id as length 0 and refuses it spelt out', () => {
    expect(BUILTIN_FORM_ID).toBe(defaultHouseholdForm.id)
    const bytes = Buffer.from(sealBatch(input(1)))
    expect(bytes.includes(Buffer.from(BUILTIN_FORM_ID))).toBe(false)
    // Spell the id out after the device key id and the form count (manifest length + 27).
    const formAt = bytes.indexOf(Buffer.from(DEVICE_KEY.keyId, 'hex')) + 16 + 1
    expect(bytes[formAt]).toBe(0)
    const spelt = Buffer.concat([
      bytes.subarray(0, 9),
      Buffer.from([(bytes[9] ?? 0) + BUILTIN_FORM_ID.length]),
      bytes.subarray(10, formAt),
      Buffer.from([BUILTIN_FORM_ID.length]),
      Buffer.from(BUILTIN_FORM_ID),
      bytes.subarray(formAt + 1),
    ])
    expect(() => readBatchManifest(spelt)).toThrow(
      expect.objectContaining({
        reason: 'batch_malformed',
        message: expect.stringMatching(/spelt out/),
      }),
    )
  })

  it('ships the dictionary its build script makes, intact', () => {
    const built = buildDictionary()
    expect(built.length).toBe(32 * 1024)
    expect(createHash('sha256').update(built).digest('hex')).toBe(BATCH_DICTIONARY_1_SHA256)
    expect(batchDictionary1().equals(Buffer.from(built))).toBe(true)
  })
})

describe('the compact values of grammar 3', () => {
  const roundTrip = (write: (w: ByteWriter) => void) => {
    const w = new ByteWriter(64)
    write(w)
    return new ByteReader(w.finish())
  }

  it('writes a UUIDv7 as its time relative to a reference and its other 10 bytes', () => {
    const id = '019ab5e6-6c00-7abc-8def-0123456789ab'
    const r = roundTrip((w) => writeCompactUuid(w, uuidBytes(id), 0x019ab5e6_6c00 + 3))
    expect(r.remaining).toBe(11)
    expect(Buffer.from(readCompactUuid(r, 0x019ab5e6_6c00 + 3)).toString('hex')).toBe(
      id.replace(/-/g, ''),
    )
  })

  it('writes any other UUID in full, and refuses the spelling that is not its own', () => {
    const v4 = '6f1c2d3e-4b5a-4c6d-8e7f-000000000001'
    const r = roundTrip((w) => writeCompactUuid(w, uuidBytes(v4), 0))
    expect(r.remaining).toBe(17)
    expect(Buffer.from(readCompactUuid(r, 0)).toString('hex')).toBe(v4.replace(/-/g, ''))
    // A UUIDv7 written in full, and a compact UUID whose bytes are not a UUIDv7.
    const full = roundTrip((w) => {
      w.varint(0)
      w.bytes(Buffer.from('019ab5e66c007abc8def0123456789ab', 'hex'))
    })
    expect(() => readCompactUuid(full, 0)).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
    const notV7 = roundTrip((w) => {
      w.varint(1)
      w.bytes(Buffer.alloc(10))
    })
    expect(() => readCompactUuid(notV7, 0)).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
    const negative = roundTrip((w) => {
      w.varint(4)
      w.bytes(Buffer.from('7abc8def0123456789ab', 'hex'))
    })
    expect(() => readCompactUuid(negative, 0)).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
  })

  it('writes digit strings as numbers, leading zeros kept, one spelling only', () => {
    for (const digits of ['0', '007', '0912345678', '999999999999999']) {
      expect(readDigits(roundTrip((w) => writeDigits(w, digits)))).toBe(digits)
    }
    const tooLong = roundTrip((w) => {
      w.varint(2)
      w.varint(100)
    })
    expect(() => readDigits(tooLong)).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
    const badLength = roundTrip((w) => {
      w.varint(16)
      w.varint(1)
    })
    expect(() => readDigits(badLength)).toThrow(
      expect.objectContaining({ reason: 'batch_malformed' }),
    )
  })
})
