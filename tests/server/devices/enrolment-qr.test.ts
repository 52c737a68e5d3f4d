import { describe, expect, it } from 'vitest'
import { enrolmentQrSvg } from '../../../src/server/devices/enrolment-qr'
import { enrolmentQrPayload, parseEnrolmentQrPayload } from '../../../src/shared/api/http.contract'

const content = {
  serverUrl: 'https://may-chu.example:8443/langso?x=1&y=2',
  code: '7KQM-3XAT-PW9D',
  provinceKeyId: '0123456789abcdef0123456789abcdef',
}

describe('enrolment QR payload', () => {
  it('encodes the server, code and key id and reads them back exactly', () => {
    const payload = enrolmentQrPayload(content)
    expect(payload).toBe(
      'langso-enrol:?server=https%3A%2F%2Fmay-chu.example%3A8443%2Flangso%3Fx%3D1%26y%3D2' +
        '&code=7KQM-3XAT-PW9D&key=0123456789abcdef0123456789abcdef',
    )
    expect(parseEnrolmentQrPayload(payload)).toEqual(content)
  })

  it('ignores QR codes that are not enrolment codes or miss a field', () => {
    expect(parseEnrolmentQrPayload('https://example.com/?code=1')).toBeNull()
    expect(parseEnrolmentQrPayload('langso-enrol:?server=x&code=y')).toBeNull()
    expect(parseEnrolmentQrPayload('langso-enrol:?server=%E0%A4%A&code=y&key=z')).toBeNull()
  })

  it('renders as an SVG image', async () => {
    const svg = await enrolmentQrSvg(enrolmentQrPayload(content))
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/)
    expect(svg).toContain('<path')
  })
})
