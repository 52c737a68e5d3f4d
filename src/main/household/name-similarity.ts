import { foldText } from '../../shared/text/fold'

/** Names at least this similar (0…1) are flagged as a possible duplicate household. */
export const SIMILAR_NAME_THRESHOLD = 0.85

/**
 * How alike two person names are, from 0 to 1, ignoring accents, case and word order:
 * both are folded ("Nguyễn Văn Ánh" → "nguyen van anh"), their words sorted, and the
 * Levenshtein ratio 1 − distance / longer length taken. Equal word sets score 1.
 */
export function nameSimilarity(a: string, b: string): number {
  return keySimilarity(nameKey(a), nameKey(b))
}

/** The comparable form of a name: folded, words sorted. Stored as households.head_key. */
export function nameKey(name: string): string {
  return foldText(name).split(' ').filter(Boolean).sort().join(' ')
}

/** nameSimilarity over two keys (see nameKey). */
export function keySimilarity(left: string, right: string): number {
  if (left.length === 0 || right.length === 0) return 0
  if (left === right) return 1
  return 1 - levenshtein(left, right) / Math.max(left.length, right.length)
}

/**
 * Whether two keys reach `threshold`, i.e. their distance is at most
 * ⌊(1 − threshold) × longer length⌋. The distance is at least the difference in length,
 * and the computation stops as soon as it must exceed the bound, so most names of a
 * village are ruled out after a few letters.
 */
export function keysSimilar(left: string, right: string, threshold: number): boolean {
  const longer = Math.max(left.length, right.length)
  if (longer === 0) return false
  const bound = Math.floor((1 - threshold) * longer + 1e-9)
  if (Math.abs(left.length - right.length) > bound) return false
  return levenshtein(left, right, bound) <= bound
}

/**
 * Edit distance (insertions, deletions, substitutions), two rows of memory. With `bound`,
 * gives up once every path exceeds it and answers bound + 1.
 */
export function levenshtein(a: string, b: string, bound = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  let current = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > bound) return bound + 1
    ;[previous, current] = [current, previous]
  }
  return previous[b.length] ?? 0
}
