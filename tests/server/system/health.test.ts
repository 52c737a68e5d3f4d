import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpContract } from '../../../src/shared/api/http.contract'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'

describe.each(serverStores())('health on $name', (variant) => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer(variant)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('reports that the server is up and which store it uses', async () => {
    const res = await fetch(`${t.url}/api/v1/health`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toEqual({ ok: true, data: { status: 'ok', store: variant.name } })
    expect(httpContract['system.health'].output.parse(body.data).store).toBe(variant.name)
    expect(t.server.store).toBe(variant.name)
  })
})
