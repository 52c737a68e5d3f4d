import { v7 as uuidv7, validate, version } from 'uuid'

/** Makes new ids; injectable so that tests can use a deterministic sequence. */
export type IdGenerator = () => string

/**
 * UUIDv7 ids: made on the device without coordination, time-ordered (good B-tree locality
 * in SQLite and PostgreSQL), and unique across devices.
 */
export const newId: IdGenerator = () => uuidv7()

/** Deterministic UUIDv7 sequence for tests: same seed, same ids. */
export function sequentialIds(startMs = 1_764_000_000_000): IdGenerator {
  let n = 0
  return () => {
    n += 1
    const random = new Uint8Array(16)
    for (let i = 0; i < 16; i++) random[i] = (n * 31 + i * 7) & 0xff
    return uuidv7({ msecs: startMs + n, seq: n, random })
  }
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7
}
