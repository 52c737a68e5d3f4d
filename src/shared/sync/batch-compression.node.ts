import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib'
import { BatchError } from './batch-error'

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
 * Decompresses with a hard output bound: the size the manifest declares (already checked
 * against the reader's limit), so a small stream that expands hugely stops at that size
 * instead of exhausting memory. The output must be exactly that long and the stream must
 * use every input byte.
 */
export function decompressPayload(compressed: Uint8Array, rawBytes: number): Buffer {
  // With `info: true` Node returns the engine too (its count of input bytes used); the
  // typings lack that overload.
  let result: { buffer: Buffer; engine: { bytesWritten: number } }
  try {
    const options = { maxOutputLength: rawBytes, info: true }
    result = brotliDecompressSync(compressed, options) as unknown as typeof result
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BatchError(
        'payload_too_large',
        `The payload expands beyond the ${rawBytes} bytes its manifest declares`,
        { cause: error },
      )
    }
    throw new BatchError('batch_malformed', 'The payload is not a valid brotli stream', {
      cause: error,
    })
  }
  if (result.engine.bytesWritten !== compressed.length) {
    throw new BatchError('batch_malformed', 'The payload has bytes after its brotli stream')
  }
  if (result.buffer.length !== rawBytes) {
    throw new BatchError(
      'manifest_mismatch',
      `The payload expands to ${result.buffer.length} bytes, the manifest says ${rawBytes}`,
    )
  }
  return result.buffer
}
