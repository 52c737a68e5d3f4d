/**
 * Accent-insensitive search for Vietnamese: "nguyen van a" must find "Nguyễn Văn A",
 * "dang" must find "Đặng". Diacritics are stripped by canonical decomposition; đ/Đ has no
 * decomposition in Unicode and is mapped by hand.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * Folded search tokens of a query, order-free: every token must occur in the folded
 * haystack. Runs of digit groups are joined, so "0912 345 678" searches for "0912345678";
 * a number written +84… / 84… is searched in its national 0… form.
 */
export function queryTokens(query: string): string[] {
  const tokens: string[] = []
  for (const token of foldText(query).split(' ')) {
    if (!token) continue
    const previous = tokens.at(-1)
    if (/^\d+$/.test(token) && previous !== undefined && /^\d+$/.test(previous)) {
      tokens[tokens.length - 1] = previous + token
    } else tokens.push(token)
  }
  return tokens.map((t) => (/^84\d{9}$/.test(t) ? `0${t.slice(2)}` : t))
}

/** True when every query token occurs in the folded text (for in-memory filtering). */
export function matchesQuery(foldedText: string, tokens: readonly string[]): boolean {
  return tokens.every((t) => foldedText.includes(t))
}
