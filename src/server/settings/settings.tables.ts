/** Server-wide settings chosen by staff (e.g. the province), as key/value text. */
export interface ServerSettingTable {
  key: string
  value: string
  updated_at: string
}
