import { BatchError } from './batch-error'

/**
 * Byte-level reading and writing for the batch format: big-endian fixed-width integers,
 * unsigned LEB128 varints (canonical: no overlong forms), zigzag for signed values and raw
 * UUIDs. The reader never reads past its end and turns every shortfall into a BatchError,
 * so hostile input cannot make it throw anything else or allocate more than it holds.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Largest varint value: every safe integer fits in 8 LEB128 bytes. */
const MAX_VARINT = Number.MAX_SAFE_INTEGER
/** Signed values written as zigzag varints stay below this magnitude. */
export const MAX_ZIGZAG_MAGNITUDE = 2 ** 52

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += HEX[b]
  return out
}

/** Bytes of an even-length hex string; null when it is not hex. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) return null
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** The 16 bytes of a UUID in its text form; null when it is not one. */
export function uuidToBytes(uuid: string): Uint8Array | null {
  return UUID_TEXT.test(uuid) ? fromHex(uuid.replace(/-/g, '')) : null
}

/** The canonical (lower-case) text form of 16 UUID bytes. */
export function uuidFromBytes(bytes: Uint8Array): string {
  const h = toHex(bytes)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Grows as needed; `finish()` returns exactly the bytes written. */
export class ByteWriter {
  private buffer: Uint8Array
  private view: DataView
  private length = 0

  constructor(initialCapacity = 1024) {
    this.buffer = new Uint8Array(initialCapacity)
    this.view = new DataView(this.buffer.buffer)
  }

  get size(): number {
    return this.length
  }

  u8(value: number): void {
    checkRange(value, 0xff)
    this.reserve(1)
    this.buffer[this.length++] = value
  }

  u16(value: number): void {
    checkRange(value, 0xffff)
    this.reserve(2)
    this.view.setUint16(this.length, value)
    this.length += 2
  }

  u32(value: number): void {
    checkRange(value, 0xffff_ffff)
    this.reserve(4)
    this.view.setUint32(this.length, value)
    this.length += 4
  }

  /** An unsigned integer below 2^53 in 8 bytes. */
  u64(value: number): void {
    checkRange(value, Number.MAX_SAFE_INTEGER)
    this.u32(Math.floor(value / 2 ** 32))
    this.u32(value % 2 ** 32)
  }

  f64(value: number): void {
    this.reserve(8)
    this.view.setFloat64(this.length, value)
    this.length += 8
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length)
    this.buffer.set(bytes, this.length)
    this.length += bytes.length
  }

  /** Unsigned LEB128 of a safe, non-negative integer. */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`)
    let rest = value
    while (rest >= 0x80) {
      this.u8((rest % 0x80) | 0x80)
      rest = Math.floor(rest / 0x80)
    }
    this.u8(rest)
  }

  /** Zigzag varint of an integer of magnitude below 2^52 (0, -1, 1, -2 → 0, 1, 2, 3). */
  zigzag(value: number): void {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1)
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return
    let capacity = this.buffer.length * 2
    while (capacity < this.length + extra) capacity *= 2
    const grown = new Uint8Array(capacity)
    grown.set(this.buffer.subarray(0, this.length))
    this.buffer = grown
    this.view = new DataView(grown.buffer)
  }
}

/** Writing a value that does not fit is a bug of the caller, not bad input. */
function checkRange(value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${value} does not fit in a field of at most ${max}`)
  }
}

/** Reads a byte range front to back; every read past the end is a `batch_malformed` error. */
export class ByteReader {
  private offset = 0
  private readonly view: DataView

  constructor(
    private readonly data: Uint8Array,
    private readonly what = 'batch',
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  }

  get position(): number {
    return this.offset
  }

  get remaining(): number {
    return this.data.length - this.offset
  }

  u8(): number {
    this.need(1)
    return this.data[this.offset++] as number
  }

  u16(): number {
    this.need(2)
    const value = this.view.getUint16(this.offset)
    this.offset += 2
    return value
  }

  u32(): number {
    this.need(4)
    const value = this.view.getUint32(this.offset)
    this.offset += 4
    return value
  }

  /** An 8-byte unsigned integer; above 2^53 − 1 is malformed. */
  u64(): number {
    const high = this.u32()
    const low = this.u32()
    if (high >= 2 ** 21) this.fail('a 64-bit value is too large')
    return high * 2 ** 32 + low
  }

  f64(): number {
    this.need(8)
    const value = this.view.getFloat64(this.offset)
    this.offset += 8
    return value
  }

  /** A view (not a copy) of the next n bytes. */
  bytes(n: number): Uint8Array {
    this.need(n)
    const out = this.data.subarray(this.offset, this.offset + n)
    this.offset += n
    return out
  }

  uuid(): string {
    return uuidFromBytes(this.bytes(16))
  }

  varint(): number {
    let value = 0
    let scale = 1
    for (let i = 0; ; i++) {
      const byte = this.u8()
      if (i > 0 && byte === 0) this.fail('an overlong varint')
      value += (byte & 0x7f) * scale
      if (value > MAX_VARINT) this.fail('a varint is too large')
      if ((byte & 0x80) === 0) return value
      scale *= 0x80
    }
  }

  zigzag(): number {
    const z = this.varint()
    if (z >= MAX_ZIGZAG_MAGNITUDE * 2) this.fail('a signed value is too large')
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2
  }

  /**
   * A count of items that each take at least `minItemBytes` bytes: bounded by what is left,
   * so a hostile count cannot make the decoder allocate or loop beyond the input's size.
   */
  count(minItemBytes: number): number {
    const n = this.varint()
    if (n * minItemBytes > this.remaining) this.fail(`a count of ${n} exceeds the data`)
    return n
  }

  /** Throws unless every byte was read. */
  end(): void {
    if (this.remaining !== 0) this.fail(`${this.remaining} unexpected trailing bytes`)
  }

  fail(why: string): never {
    throw new BatchError('batch_malformed', `The ${this.what} is malformed: ${why}`)
  }

  private need(n: number): void {
    if (n > this.remaining) this.fail(`it ends early at byte ${this.offset}`)
  }
}
