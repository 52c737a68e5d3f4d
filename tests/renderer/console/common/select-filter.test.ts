import type { ComboboxParsedItem } from '@mantine/core'
import { describe, expect, it } from 'vitest'
import { accentFreeFilter } from '../../../../src/renderer/console/common/select-filter'

const options: ComboboxParsedItem[] = [
  { value: '00700', label: 'Xã Ngọc Đường' },
  { value: '00706', label: 'Xã Phú Linh' },
  { value: '00691', label: 'Phường Hà Giang 2' },
  { value: '00694', label: 'Phường Hà Giang 1' },
]
const search = (text: string, limit = 100) =>
  accentFreeFilter({ options, search: text, limit }).map((o) => ('value' in o ? o.value : o.group))

describe('finding communes in a picker', () => {
  it('matches names typed without accents, in any case and word order', () => {
    expect(search('phu linh')).toEqual(['00706'])
    expect(search('NGOC duong')).toEqual(['00700'])
    expect(search('đường ngọc')).toEqual(['00700'])
    expect(search('ha giang')).toEqual(['00691', '00694'])
    expect(search('ha giang 1')).toEqual(['00694'])
  })

  it('offers everything for an empty search, up to the limit', () => {
    expect(search('')).toHaveLength(4)
    expect(search('', 2)).toEqual(['00700', '00706'])
  })

  it('finds nothing for a name that is not there', () => {
    expect(search('lung cu')).toEqual([])
  })
})
