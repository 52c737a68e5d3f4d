/**
 * React keys for a list whose entries may repeat (two identical problems on one row):
 * each entry's own key, with a counter added to the second and later copies.
 */
export function withUniqueKeys<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): { item: T; key: string }[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const base = keyOf(item)
    const copies = seen.get(base) ?? 0
    seen.set(base, copies + 1)
    return { item, key: copies === 0 ? base : `${base}#${copies}` }
  })
}
