import { createHash } from 'node:crypto'
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  deflateRawSync,
  inflateRawSync,
} from 'node:zlib'
import { BATCH_DICTIONARY_1_BASE64, BATCH_DICTIONARY_1_SHA256 } from './batch-dictionary.generated'
import { BatchError } from './batch-error'
import type { PayloadCodec } from './batch-format'

/**
 * Brotli for the payload. The quality is the sealer's choice, not part of the format: any
 * brotli stream decodes. Batches for the network (up to a few hundred households) get
 * quality 11, about 7% smaller; large file exports get 9, about 6 times faster
 * (bench/batch-size.bench.ts measures both).
 */
export const BROTLI_QUALITY = 9
export const BROTLI_QUALITY_SMALL = 11
/** Payloads up to this size (about 400 households) are compressed at BROTLI_QUALITY_SMALL. */
export const SMALL_PAYLOAD_BYTES = 256 * 1024
/** 4 MiB window: repeated names and ids are found across a whole large batch. */
const BROTLI_WINDOW_BITS = 22
/**
 * Payloads up to this size are also tried with DEFLATE and dictionary 1 (format version 3):
 * it wins for a few households, where Brotli has no context yet; beyond, Brotli's window and
 * modelling win and trying costs time for nothing (bench/batch-size.bench.ts).
 */
export const DICTIONARY_PAYLOAD_BYTES = 64 * 1024

let dictionary1: Buffer | null = null

/** Preset dictionary 1, checked against its hash once (a damaged build must not seal). */
export function batchDictionary1(): Buffer {
  if (dictionary1) return dictionary1
  const bytes = Buffer.from(BATCH_DICTIONARY_1_BASE64, 'base64')
  if (createHash('sha256').update(bytes).digest('hex') !== BATCH_DICTIONARY_1_SHA256) {
    throw new Error('The batch dictionary does not have its hash')
  }
  dictionary1 = bytes
  return bytes
}

/** A compressed payload and how it was compressed. */
export interface CompressedPayload {
  codec: PayloadCodec
  bytes: Buffer
}

/**
 * Compresses a version-3 payload with the codec that makes it smallest: Brotli, or for small
 * payloads DEFLATE with dictionary 1. `brotliQuality` as compressPayload.
 */
export function compressPayloadCompact(raw: Uint8Array, brotliQuality?: number): CompressedPayload {
  const brotli = compressPayload(raw, brotliQuality)
  if (raw.length > DICTIONARY_PAYLOAD_BYTES) return { codec: 'brotli', bytes: brotli }
  const deflated = deflateRawSync(raw, { level: 9, memLevel: 9, dictionary: batchDictionary1() })
  return deflated.length < brotli.length
    ? { codec: 'deflate-dictionary-1', bytes: deflated }
    : { codec: 'brotli', bytes: brotli }
}

/** Compresses the encoded payload; the quality follows its size unless given. */
export function compressPayload(
  raw: Uint8Array,
  quality = raw.length <= SMALL_PAYLOAD_BYTES ? BROTLI_QUALITY_SMALL : BROTLI_QUALITY,
): Buffer {
  return brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  })
}

/**
 * Decompresses with a hard output bound, whichever the codec: the size the manifest declares (already checked
 * against the reader's limit), so a small stream that expands hugely stops at that size
 * instead of exhausting memory. The output must be exactly that long and the stream must
 * use every input byte.
 */
export function decompressPayload(
  compressed: Uint8Array,
  rawBytes: number,
  codec: PayloadCodec = 'brotli',
): Buffer {
  const name = codec === 'brotli' ? 'brotli' : 'DEFLATE'
  // With `info: true` Node returns the engine too (its count of input bytes used); the
  // typings lack that overload.
  let result: { buffer: Buffer; engine: { bytesWritten: number } }
  try {
    const options = { maxOutputLength: rawBytes, info: true }
    result = (codec === 'brotli'
      ? brotliDecompressSync(compressed, options)
      : inflateRawSync(compressed, {
          ...options,
          dictionary: batchDictionary1(),
        })) as unknown as typeof result
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BatchError(
        'payload_too_large',
        `The payload expands beyond the ${rawBytes} bytes its manifest declares`,
        { cause: error },
      )
    }
    throw new BatchError('batch_malformed', `The payload is not a valid ${name} stream`, {
      cause: error,
    })
  }
  if (result.engine.bytesWritten !== compressed.length) {
    throw new BatchError('batch_malformed', `The payload has bytes after its ${name} stream`)
  }
  if (result.buffer.length !== rawBytes) {
    throw new BatchError(
      'manifest_mismatch',
      `The payload expands to ${result.buffer.length} bytes, the manifest says ${rawBytes}`,
    )
  }
  return result.buffer
}
