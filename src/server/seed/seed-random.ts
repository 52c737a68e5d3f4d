/**
 * The seeded randomness of the province generator: sfc32 (a small, fast generator with a
 * 128-bit state that passes PractRand) seeded by hashing text keys with cyrb128. Every
 * stream is named by the seed and a path of labels (commune, area, household…), so a
 * household's data depends on its own key only, not on how many numbers were drawn before.
 */

/** Four 32-bit words from a text key (cyrb128). */
function hash128(key: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** A table of weighted choices, built once and drawn from many times. */
export class Weighted<T> {
  readonly #items: readonly T[]
  readonly #cumulative: Float64Array
  readonly #total: number

  constructor(entries: readonly (readonly [T, number])[]) {
    this.#items = entries.map(([item]) => item)
    this.#cumulative = new Float64Array(entries.length)
    let total = 0
    entries.forEach(([, weight], i) => {
      total += Math.max(0, weight)
      this.#cumulative[i] = total
    })
    if (entries.length === 0 || total <= 0) throw new Error('Weighted: no positive weight')
    this.#total = total
  }

  /** One item, with probability proportional to its weight. */
  draw(random: SeedRandom): T {
    const roll = random.next() * this.#total
    let low = 0
    let high = this.#cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((this.#cumulative[mid] ?? 0) > roll) high = mid
      else low = mid + 1
    }
    return this.#items[low] as T
  }
}

/** One stream of seeded numbers (sfc32). */
export class SeedRandom {
  #a: number
  #b: number
  #c: number
  #d: number

  /** The stream named by these labels: same labels, same numbers. */
  static of(...labels: readonly (string | number)[]): SeedRandom {
    return new SeedRandom(labels.join('\u001f'))
  }

  private constructor(readonly key: string) {
    ;[this.#a, this.#b, this.#c, this.#d] = hash128(key)
    // The first outputs of a fresh state are still close to the hash: skip them.
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A stream of its own for a part of this one's subject. */
  fork(...labels: readonly (string | number)[]): SeedRandom {
    return new SeedRandom([this.key, ...labels].join('\u001f'))
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0
    this.#d = (this.#d + 1) | 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) | 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) | 0
    return t >>> 0
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  /** True with probability p (clamped to [0, 1]). */
  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick: no items')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** A roughly normal number (sum of uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min = -Infinity, max = Infinity): number {
    const z = this.next() + this.next() + this.next() + this.next() - 2
    return Math.min(max, Math.max(min, mean + z * spread * 1.73))
  }

  /** 16 bytes, e.g. for the random part of a UUID. */
  bytes16(): Uint8Array {
    const bytes = new Uint8Array(16)
    for (let i = 0; i < 16; i += 4) {
      const word = this.uint32()
      bytes[i] = word & 0xff
      bytes[i + 1] = (word >>> 8) & 0xff
      bytes[i + 2] = (word >>> 16) & 0xff
      bytes[i + 3] = word >>> 24
    }
    return bytes
  }

  /** The items in a seeded order (Fisher–Yates on a copy). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const held = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = held
    }
    return copy
  }
}

/** Clamps a probability. */
export const clamp01 = (p: number): number => Math.min(1, Math.max(0, p))
