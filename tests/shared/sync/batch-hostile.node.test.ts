import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BatchError,
  type BatchErrorReason,
  openBatch,
  readBatchManifest,
} from '../../../src/shared/sync/batch-codec.node.js'
import {
  CORPUS_LIMITS,
  hostileCorpus,
  standardReader,
  validBatch,
} from '../../fixtures/batches/hostile-corpus'

/** The BatchError an open rejects with; fails the test on success or on any other error. */
async function rejection(bytes: Uint8Array, options = standardReader()): Promise<BatchError> {
  try {
    await openBatch(bytes, options)
  } catch (error) {
    if (error instanceof BatchError) return error
    throw new Error(`expected a BatchError, got ${String(error)}`, { cause: error })
  }
  throw new Error('expected the batch to be refused')
}

const corpus = hostileCorpus()

describe('hostile batch files', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s → its own reason', async (_name, c) => {
    const error = await rejection(c.bytes)
    expect(error.reason).toBe(c.reason)
    expect(error.code).toBe(c.reason)
    expect(error.message).not.toBe('')
  })

  it('covers every reason a batch file can be refused for', () => {
    const reasons = new Set(corpus.map((c) => c.reason))
    const expected: BatchErrorReason[] = [
      'batch_too_large',
      'batch_malformed',
      'batch_version_unsupported',
      'device_unknown',
      'signature_invalid',
      'wrong_province_key',
      'decrypt_failed',
      'payload_hash_mismatch',
      'payload_too_large',
      'revision_invalid',
      'manifest_mismatch',
      'form_unknown',
    ]
    expect([...reasons].sort()).toEqual(expected.sort())
  })

  it('a revoked or unknown device is refused before anything is decrypted', async () => {
    const { bytes } = validBatch()
    const error = await rejection(bytes, { ...standardReader(), devicePublicKey: () => null })
    expect(error.reason).toBe('device_unknown')
  })

  it('a device key of the wrong type is device_unknown, not a crash', async () => {
    const { bytes } = validBatch()
    const notEd25519 = standardReader().province.encryptionPrivateKey
    const error = await rejection(bytes, { ...standardReader(), devicePublicKey: () => notEd25519 })
    expect(error.reason).toBe('device_unknown')
  })

  it('a file over the size limit is refused before its manifest is read', async () => {
    const { bytes } = validBatch()
    const error = await rejection(bytes, standardReader({ maxFileBytes: bytes.length - 1 }))
    expect(error.reason).toBe('batch_too_large')
    expect(() => readBatchManifest(bytes, { maxFileBytes: bytes.length - 1 })).toThrow(BatchError)
  })

  it('more revisions than the reader allows is batch_too_large', async () => {
    const { bytes } = validBatch(3)
    const error = await rejection(bytes, standardReader({ maxRevisions: 2 }))
    expect(error.reason).toBe('batch_too_large')
  })

  it('a zip bomb stops at the declared size, not after expanding', async () => {
    const bomb = corpus.find((c) => c.name.startsWith('zip bomb'))
    expect(bomb).toBeDefined()
    expect(bomb?.bytes.length).toBeLessThan(1000)
    const error = await rejection(bomb?.bytes ?? new Uint8Array())
    expect(error.message).toMatch(/1000 bytes/)
  })

  it('a DEFLATE bomb (version 3, with the dictionary) stops at the declared size too', async () => {
    const bomb = corpus.find((c) => c.name.startsWith('v3: zip bomb through DEFLATE'))
    expect(bomb).toBeDefined()
    const error = await rejection(bomb?.bytes ?? new Uint8Array())
    expect(error.reason).toBe('payload_too_large')
    expect(error.message).toMatch(/1000 bytes/)
  })

  it.each([
    ['version 3', false],
    ['version 1', true],
  ])('every truncation of a valid file is malformed (%s)', async (_name, legacy) => {
    const { bytes } = validBatch(1, 1, legacy)
    for (let length = 0; length < bytes.length; length++) {
      const error = await rejection(bytes.subarray(0, length))
      expect(error.reason, `truncated to ${length} bytes`).toBe('batch_malformed')
    }
  })

  it.each([
    ['version 3', false],
    ['version 1', true],
  ])(
    'a flipped bit anywhere is refused with a BatchError, never accepted (%s)',
    async (_name, legacy) => {
      const { bytes } = validBatch(2, 1, legacy)
      // A flip reaches at most the signature check: the signature covers every other byte.
      const allowed = new Set<BatchErrorReason>([
        'batch_malformed',
        'batch_version_unsupported',
        'batch_too_large',
        'payload_too_large',
        'device_unknown',
        'signature_invalid',
      ])
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: bytes.length - 1 }),
          fc.integer({ min: 0, max: 7 }),
          async (index, bit) => {
            const flipped = Uint8Array.from(bytes)
            flipped[index] = (flipped[index] ?? 0) ^ (1 << bit)
            const error = await rejection(flipped)
            expect(allowed.has(error.reason), `${error.reason} at byte ${index}`).toBe(true)
          },
        ),
        { numRuns: 300 },
      )
    },
  )

  it.each([
    ['version 3', false],
    ['version 1', true],
  ])(
    'arbitrary bytes behind a valid header are refused with a BatchError (%s)',
    async (_name, legacy) => {
      const { bytes } = validBatch(1, 1, legacy)
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (tail) => {
          const file = new Uint8Array([...bytes.subarray(0, legacy ? 11 : 10), ...tail])
          const error = await rejection(file)
          expect(error).toBeInstanceOf(BatchError)
        }),
        { numRuns: 200 },
      )
    },
  )

  it('a replayed file opens identically: deduplication is the store’s job', async () => {
    const { bytes, revisions } = validBatch(2)
    const first = await openBatch(bytes, standardReader())
    const again = await openBatch(Uint8Array.from(bytes), standardReader())
    expect(again).toEqual(first)
    expect(again.revisions).toEqual(revisions)
    expect(again.manifest.batchId).toBe(first.manifest.batchId)
  })

  it('keeps to the corpus limits it was built for', () => {
    for (const c of corpus) {
      if (c.reason !== 'batch_too_large') {
        expect(c.bytes.length, c.name).toBeLessThanOrEqual(CORPUS_LIMITS.maxFileBytes)
      }
    }
  })
})
