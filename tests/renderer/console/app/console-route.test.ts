import { describe, expect, it } from 'vitest'
import {
  type ConsoleRoute,
  parseRoute,
  routeUrl,
} from '../../../../src/renderer/console/app/console-route'

const ID = '019ab5e6-6c00-7000-8000-000000000001'

/** Reads a route back from the URL the console writes for it. */
function roundTrip(route: ConsoleRoute): ConsoleRoute {
  const url = new URL(routeUrl(route), 'http://console.test')
  return parseRoute(url.pathname, url.search)
}

describe('console routes', () => {
  it('writes every page as a URL and reads it back the same', () => {
    const routes: ConsoleRoute[] = [
      { page: 'households' },
      { page: 'household', id: ID },
      { page: 'communes' },
      { page: 'commune', code: '00700' },
      { page: 'villageImport', communeCode: null },
      { page: 'villageImport', communeCode: '00706' },
      { page: 'devices' },
      { page: 'batches' },
      { page: 'batchImport' },
      { page: 'quarantine' },
      { page: 'conflicts' },
      { page: 'forms' },
      { page: 'formVersion', formId: 'household-digital-readiness', version: 3 },
      { page: 'formCompare', formId: 'household-digital-readiness', from: 1, to: 2 },
      { page: 'formPublish' },
      { page: 'users' },
      { page: 'audit' },
      { page: 'setup', token: 'Qm9+/=token' },
    ]
    for (const route of routes) expect(roundTrip(route)).toEqual(route)
  })

  it('opens the first-run setup page from the link the server prints', () => {
    expect(parseRoute('/setup', '?token=abc123')).toEqual({ page: 'setup', token: 'abc123' })
    expect(parseRoute('/setup', '')).toEqual({ page: 'setup', token: null })
  })

  it('falls back to a safe page for anything malformed', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'households' })
    expect(parseRoute('/elsewhere', '')).toEqual({ page: 'households' })
    expect(parseRoute('/households/not-an-id', '')).toEqual({ page: 'households' })
    expect(parseRoute('/places/7', '')).toEqual({ page: 'communes' })
    expect(parseRoute('/places/import', '?commune=../x')).toEqual({
      page: 'villageImport',
      communeCode: null,
    })
    expect(parseRoute('/forms/household-digital-readiness/0', '')).toEqual({ page: 'forms' })
    expect(parseRoute('/forms/compare', '?form=x&from=1')).toEqual({ page: 'forms' })
    expect(parseRoute('/forms/%E0%A4%A', '')).toEqual({ page: 'forms' })
  })
})
