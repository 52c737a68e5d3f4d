import { describe, expect, it } from 'vitest'
import {
  communesNamed,
  communesOf,
  findCommune,
  findProvince,
  listProvinces,
} from '../../../src/server/places/official-units'

describe('official administrative units (since 1 July 2025)', () => {
  it('has the 34 provinces and 3,321 communes, wards and special zones', () => {
    const provinces = listProvinces()
    expect(provinces).toHaveLength(34)
    expect(provinces.map((p) => p.code)).toEqual([...provinces.map((p) => p.code)].sort())
    expect(provinces.reduce((n, p) => n + communesOf(p.code).length, 0)).toBe(3321)
    expect(provinces.filter((p) => p.kind === 'city').map((p) => p.code)).toEqual([
      '01',
      '31',
      '46',
      '48',
      '79',
      '92',
    ])
  })

  it('finds units by official code, with their kind', () => {
    expect(findProvince('08')).toEqual({ code: '08', name: 'Tuyên Quang', kind: 'province' })
    expect(findCommune('00700')).toMatchObject({
      name: 'Xã Ngọc Đường',
      kind: 'commune',
      provinceCode: '08',
    })
    expect(findCommune('00694')).toMatchObject({ name: 'Phường Hà Giang 1', kind: 'ward' })
    const zones = listProvinces()
      .flatMap((p) => communesOf(p.code))
      .filter((c) => c.kind === 'special_zone')
    expect(zones.length).toBeGreaterThan(0)
    expect(zones.every((c) => c.name.startsWith('Đặc khu '))).toBe(true)
    expect(findCommune('99999')).toBeUndefined()
    expect(findProvince('99')).toBeUndefined()
  })

  it('matches typed commune names without accents or the kind word', () => {
    for (const typed of ['Xã Ngọc Đường', 'ngoc duong', 'Ngọc Đường', 'XA NGOC DUONG']) {
      expect(
        communesNamed('08', typed).map((c) => c.code),
        typed,
      ).toEqual(['00700'])
    }
    expect(communesNamed('01', 'Ngọc Đường')).toEqual([])
    expect(communesNamed('08', '')).toEqual([])
  })
})
