/** The four columns of the village list template, by meaning. */
export interface VillageTemplateHeaders {
  communeCode: string
  communeName: string
  villageName: string
  households: string
}

/**
 * The village list template: a CSV with only the header row, in UTF-8 with a byte-order
 * mark (so Excel opens Vietnamese letters correctly) and CRLF line ends. The headers are
 * names the server's village import recognises.
 */
export function villageTemplateCsv(headers: VillageTemplateHeaders): string {
  const row = [headers.communeCode, headers.communeName, headers.villageName, headers.households]
  return `\uFEFF${csvLine(row)}\r\n`
}

/** One CSV line: cells with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((cell) => (/[",\r\n;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
    .join(',')
}
