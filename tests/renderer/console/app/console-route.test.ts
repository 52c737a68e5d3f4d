import { describe, expect, it } from 'vitest'
import { parseRoute, routeHash } from '../../../../src/renderer/console/app/console-route'

const ID = '019ab5e6-6c00-7000-8000-000000000001'

describe('console routes', () => {
  it('reads a household page from the hash and writes it back', () => {
    expect(parseRoute(`#/households/${ID}`)).toEqual({ page: 'household', id: ID })
    expect(routeHash({ page: 'household', id: ID })).toBe(`#/households/${ID}`)
  })

  it('falls back to the list for anything else', () => {
    for (const hash of ['', '#/', '#/households/', '#/households/not-an-id', '#/elsewhere']) {
      expect(parseRoute(hash)).toEqual({ page: 'list' })
    }
    expect(routeHash({ page: 'list' })).toBe('#/')
  })
})
