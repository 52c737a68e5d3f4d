/**
 * Row types of the places tables (migration 0003-places). Communes are not stored: they
 * come from the official list (official-units.ts) for the server's province.
 */

/** A village (thôn) or residential group (tổ dân phố) of a commune. Never deleted. */
export interface VillageTable {
  /** `<communeCode>-<serial>`, made by the server; never reused. */
  code: string
  commune_code: string
  name: string
  /** villageNameKey(name): unique within a commune. */
  name_key: string
  /** Households registered in the village: the coverage denominator. */
  registered_households: number
  /** 0 once deactivated; records may still point at it. */
  active: number
  created_at: string
  updated_at: string
}

/**
 * A checked upload waiting to be committed (e.g. a village import). Nothing it describes
 * is applied until commit; it expires after a while and is removed on commit.
 */
export interface ImportPreviewTable {
  id: string
  kind: string
  file_name: string
  /** The province the rows were checked against. */
  province_code: string
  created_by: string | null
  created_at: string
  expires_at: string
  error_count: number
  /** The normalised rows, as the preview answered them. */
  rows_json: string
}
