import type { Sex } from '../../shared/vietnam/citizen-id'
import { MOBILE_PREFIXES } from './province-profile'
import { DigitPermutation } from './seed-ids'
import { SeedRandom } from './seed-random'

/**
 * Citizen ids and mobile numbers of one commune's people. Real ones are unique, so the
 * generated ones are too: each commune of the plan owns a slice of every number range, and
 * the serials drawn in it go through a seeded digit permutation (so they look random).
 */
export class IdNumbers {
  readonly #counters = new Map<string, number>()
  readonly #permutations = new Map<string, DigitPermutation>()

  constructor(
    private readonly seed: string,
    /** This commune's slice, and the number of slices. */
    private readonly slot: number,
    private readonly slots: number,
  ) {}

  /**
   * A 12-digit citizen id: birth-registration province (3 digits), century and sex (0/1 for
   * men/women born 1900–1999, 2/3 for 2000–2099), the last two digits of the birth year,
   * and six digits unique among people of that province, sex and year.
   */
  citizenId(prefix: string, sex: Sex, birthYear: number): string {
    const century = Math.floor((birthYear - 1900) / 100)
    const code = century * 2 + (sex === 'female' ? 1 : 0)
    const head = `${prefix}${code}${String(birthYear % 100).padStart(2, '0')}`
    return `${head}${this.#next(`cid:${head}`, 6)}`
  }

  /** A 10-digit mobile number under a prefix drawn by market share. */
  mobile(random: SeedRandom): string {
    const prefix = MOBILE_PREFIXES.draw(random)
    return `${prefix}${this.#next(`tel:${prefix}`, 7)}`
  }

  #next(group: string, digits: number): string {
    const capacity = Math.max(1, Math.floor(10 ** digits / this.slots))
    const serial = this.#counters.get(group) ?? 0
    this.#counters.set(group, serial + 1)
    let permutation = this.#permutations.get(group)
    if (!permutation) {
      permutation = new DigitPermutation(digits, SeedRandom.of(this.seed, 'numbers', group))
      this.#permutations.set(group, permutation)
    }
    // Past its slice's capacity (only with extreme options) a commune wraps around.
    return permutation.apply(this.slot * capacity + (serial % capacity))
  }
}
