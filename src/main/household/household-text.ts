import { foldText } from '../../shared/text/fold'

/**
 * The folded text a household is found by: head and member names and the address. Phones
 * and citizen ids are deliberately left out (they are found through pii_index), so no
 * personal identifier is stored in clear.
 */
export function householdSearchText(
  headName: string,
  memberNames: readonly string[],
  address: string | null,
): string {
  return [headName, ...memberNames, address ?? ''].map(foldText).filter(Boolean).join(' ')
}
