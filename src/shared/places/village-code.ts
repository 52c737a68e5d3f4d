/**
 * Village codes are made by the server: the commune's official code, a dash and a serial
 * of at least two digits (`00700-01`, `00700-12`, `00700-105`). They never change and are
 * never reused, so records that name a village keep pointing at it.
 */
export const VILLAGE_CODE_PATTERN = /^\d{5}-\d{2,4}$/

/** The code of a commune's n-th village (n ≥ 1). */
export function formatVillageCode(communeCode: string, serial: number): string {
  return `${communeCode}-${String(serial).padStart(2, '0')}`
}

/** The serial of a village code of that commune, or undefined when the code is not one. */
export function villageSerial(communeCode: string, code: string): number | undefined {
  if (!VILLAGE_CODE_PATTERN.test(code) || !code.startsWith(`${communeCode}-`)) return undefined
  return Number(code.slice(communeCode.length + 1))
}

/** The next free serial after the given codes of one commune. */
export function nextVillageSerial(communeCode: string, codes: readonly string[]): number {
  let highest = 0
  for (const code of codes) highest = Math.max(highest, villageSerial(communeCode, code) ?? 0)
  return highest + 1
}
