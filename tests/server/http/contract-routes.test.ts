import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT_BYTES } from '../../../src/server/http/create-app'
import { serverStores, startTestServer, type TestServer } from '../../support/server-stores'
import { errorOf, getJson, postJson } from '../api-client'

/** A public JSON call that writes (when its input is right): a laptop's enrolment. */
const ENROL = '/api/v1/devices/enrol'

describe.each(serverStores())('HTTP input checks on $name', (variant) => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer(variant)
  })
  afterAll(async () => {
    await t?.close()
  })

  const deviceCount = async () =>
    (await t.store.db.selectFrom('devices').select('id').execute()).length

  it('answers 400 for a body that is not JSON and changes nothing', async () => {
    const answer = await postJson(t.url, ENROL, '{"deviceId": "019ab5e6-')
    expect(answer.status).toBe(400)
    expect(errorOf(answer)).toEqual({
      code: 'invalid_input',
      message: 'Request body is not valid JSON',
    })
    expect(await deviceCount()).toBe(0)
  })

  it('answers 400 naming the bad fields, never their values, and changes nothing', async () => {
    const secretCode = `MA-BI-MAT-${'7'.repeat(60)}`
    const answer = await postJson(t.url, ENROL, {
      code: secretCode,
      deviceId: 'yesterday',
      deviceName: 'Laptop xã Ngọc Đường',
      publicKey: 'khoa-cong-khai-sai',
      extra: true,
    })

    expect(answer.status).toBe(400)
    const error = errorOf(answer)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('deviceId')
    expect(error.message).toContain('publicKey')
    expect(error.message).toContain('extra')
    expect(error.message).not.toContain('yesterday')
    expect(error.message).not.toContain(secretCode)
    expect(error.message).not.toContain('khoa-cong-khai-sai')
    expect(await deviceCount()).toBe(0)
  })

  it('answers 400 for an empty object and for a JSON value that is not an object', async () => {
    const empty = await postJson(t.url, ENROL, {})
    expect(empty.status).toBe(400)
    expect(errorOf(empty).message).toContain('deviceId')
    const notObject = await postJson(t.url, ENROL, '[1, 2]')
    expect(notObject.status).toBe(400)
    expect(errorOf(notObject).code).toBe('invalid_input')
  })

  it('answers 415 for a body that is not sent as JSON', async () => {
    const res = await fetch(`${t.url}${ENROL}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'a,b\n1,2',
    })
    expect(res.status).toBe(415)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } })
  })

  it('answers 413 for a body over the limit', async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT_BYTES) })
    const answer = await postJson(t.url, ENROL, huge)
    expect(answer.status).toBe(413)
    expect(errorOf(answer).code).toBe('payload_too_large')
  })

  it('answers 404 JSON for an unknown API path and method', async () => {
    const unknown = await getJson(t.url, '/api/v1/nothing-here')
    expect(unknown.status).toBe(404)
    expect(errorOf(unknown).code).toBe('not_found')
    const wrongMethod = await postJson(t.url, '/api/v1/health', {})
    expect(wrongMethod.status).toBe(404)
    expect(errorOf(wrongMethod).code).toBe('not_found')
  })
})
