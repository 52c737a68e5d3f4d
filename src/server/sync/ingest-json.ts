/**
 * Whether two JSON-safe values serialise to the same JSON text, without serialising them:
 * same keys in the same order (keys holding undefined are skipped, as JSON.stringify
 * skips them) and strictly equal leaves. It may answer false for values JSON writes alike
 * (NaN and null), never true for values it writes differently.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false
    return true
  }
  const left = definedKeys(a as Record<string, unknown>)
  const right = definedKeys(b as Record<string, unknown>)
  if (left.length !== right.length) return false
  for (let i = 0; i < left.length; i++) {
    const key = left[i] as string
    if (key !== right[i]) return false
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false
    }
  }
  return true
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined)
}
