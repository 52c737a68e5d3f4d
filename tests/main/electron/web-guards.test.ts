import { describe, expect, it } from 'vitest'
import { rendererLocation } from '../../../src/main/electron/renderer-location'
import {
  downloadRule,
  ipcSenderAllowed,
  isAllowedExternalLink,
  navigationAllowed,
  newWindowDecision,
  permissionAllowed,
} from '../../../src/main/electron/web-guards'

const app = rendererLocation(undefined, '/opt/langso/out/renderer')
const PAGE = 'app://langso/index.html'

describe('web guards', () => {
  it('refuses every permission but clipboard writing, and that only to our page', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'usb',
      'hid',
      'serial',
      'fullscreen',
      'unknown',
    ]) {
      expect(permissionAllowed({ permission, requestingUrl: PAGE, isMainFrame: true }, app)).toBe(
        false,
      )
    }
    const write = 'clipboard-sanitized-write'
    expect(
      permissionAllowed({ permission: write, requestingUrl: PAGE, isMainFrame: true }, app),
    ).toBe(true)
    expect(
      permissionAllowed({ permission: write, requestingUrl: PAGE, isMainFrame: false }, app),
    ).toBe(false)
    expect(
      permissionAllowed(
        { permission: write, requestingUrl: 'https://evil.example/', isMainFrame: true },
        app,
      ),
    ).toBe(false)
    expect(
      permissionAllowed({ permission: write, requestingUrl: undefined, isMainFrame: true }, app),
    ).toBe(false)
  })

  it('allows navigation only within our page', () => {
    expect(navigationAllowed(`${PAGE}#/sync`, app)).toBe(true)
    expect(navigationAllowed('https://dichvucong.gov.vn/', app)).toBe(false)
    expect(navigationAllowed('file:///etc/passwd', app)).toBe(false)
    expect(navigationAllowed('javascript:alert(1)', app)).toBe(false)
  })

  it('never opens a new window; allow-listed https links go to the system browser', () => {
    expect(newWindowDecision('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html')).toEqual({
      action: 'deny',
      openExternal: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    })
    for (const url of [
      'http://dichvucong.gov.vn/',
      'https://dichvucong.gov.vn.evil.com/',
      'https://user@vneid.gov.vn/',
      'https://vneid.gov.vn:8443/',
      'https://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-settings:',
      PAGE,
      'not a url',
    ]) {
      expect(newWindowDecision(url)).toEqual({ action: 'deny', openExternal: null })
      expect(isAllowedExternalLink(url)).toBe(false)
    }
  })

  it("accepts IPC calls only from our page's top frame", () => {
    expect(ipcSenderAllowed({ frameUrl: PAGE, isTopFrame: true }, app)).toBe(true)
    expect(ipcSenderAllowed({ frameUrl: `${PAGE}#/form`, isTopFrame: true }, app)).toBe(true)
    expect(ipcSenderAllowed({ frameUrl: PAGE, isTopFrame: false }, app)).toBe(false)
    expect(ipcSenderAllowed({ frameUrl: null, isTopFrame: true }, app)).toBe(false)
    expect(ipcSenderAllowed({ frameUrl: 'https://evil.example/', isTopFrame: true }, app)).toBe(
      false,
    )
    expect(ipcSenderAllowed({ frameUrl: 'about:blank', isTopFrame: true }, app)).toBe(false)
  })

  it('lets the page save only batch files and diagnostics bundles it made itself', () => {
    const blob = 'blob:app://langso/0b7f…'
    expect(downloadRule('langso-00700-20251124-0930-abcd1234.langso-batch', blob)?.extension).toBe(
      'langso-batch',
    )
    expect(downloadRule('langso-diagnostics-20251124T023000Z.zip', blob)?.extension).toBe('zip')
    expect(downloadRule('setup.exe', blob)).toBeNull()
    expect(downloadRule('other.zip', blob)).toBeNull()
    expect(downloadRule('../x.langso-batch', blob)).toBeNull()
    expect(downloadRule('langso-diagnostics-x.zip', 'https://evil.example/x.zip')).toBeNull()
  })
})
