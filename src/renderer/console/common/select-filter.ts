import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core'
import { foldText, queryTokens } from '../../../shared/text/fold'

/**
 * Finds options the way people type Vietnamese names on any keyboard: without accents,
 * any case, words in any order — "phu linh" finds "Xã Phú Linh".
 */
export const accentFreeFilter: OptionsFilter = ({ options, search, limit }) => {
  const tokens = queryTokens(search)
  if (tokens.length === 0) return options.slice(0, limit)
  const matches = (item: ComboboxItem) => {
    const label = foldText(item.label)
    return tokens.every((token) => label.includes(token))
  }
  const found: ComboboxParsedItem[] = []
  for (const option of options) {
    if (found.length >= limit) break
    if ('group' in option) {
      const items = option.items.filter(matches)
      if (items.length > 0) found.push({ ...option, items })
    } else if (matches(option)) found.push(option)
  }
  return found
}
