import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  MAIN_WINDOW_SIZING,
  mainWindowOptions,
  secureWebPreferences,
} from '../../../src/main/electron/window-options'

describe('window options', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs')

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and risky features off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs.safeDialogs).toBe(true)
  })

  it('has no developer tools unless in development', () => {
    expect(prefs.devTools).toBe(false)
    expect(mainWindowOptions('/p').webPreferences?.devTools).toBe(false)
    expect(mainWindowOptions('/p', undefined, { devTools: true }).webPreferences?.devTools).toBe(
      true,
    )
  })

  it('loads our preload with the same preferences for the main window', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    const window = mainWindowOptions('/app/out/preload/index.cjs')
    expect(window.webPreferences).toEqual(prefs)
    expect(window.show).toBe(false) // shown on ready-to-show, without a white flash
    expect(window.autoHideMenuBar).toBe(false) // the Vietnamese menu is visible
  })

  it('opens where the window was, or centred at the default size', () => {
    const centred = mainWindowOptions('/p')
    expect(centred).toMatchObject({ width: 1280, height: 800, minWidth: 960, minHeight: 600 })
    expect(centred.x).toBeUndefined()
    const placed = mainWindowOptions('/p', {
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
    })
    expect(placed).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 })
    expect(placed.minWidth).toBe(MAIN_WINDOW_SIZING.minWidth)
  })
})

/**
 * The code that creates the window and its session wires every check: read from the
 * source, so a refactor that drops one fails here (the app itself cannot run in CI).
 */
describe('the Electron entry wires every security setting', () => {
  const source = readFileSync('src/main/electron/index.ts', 'utf8')

  it('creates its only window from mainWindowOptions and loads the app:// page', () => {
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1)
    expect(source).toContain('new BrowserWindow(mainWindowOptions(')
    expect(source).toContain('window.loadURL(rendererUrl(renderer))')
    expect(source).not.toMatch(/loadFile\(|file:\/\//)
  })

  it('serves the renderer over its own scheme with the policy headers', () => {
    expect(source).toContain('protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME')
    expect(source).toContain('target.protocol.handle(APP_SCHEME')
    expect(source).toContain('resolveAppRequest(request.url, location.rendererDir)')
    expect(source).toContain('...APP_RESPONSE_HEADERS')
  })

  it('guards permissions, navigation, new windows, webviews, downloads and IPC senders', () => {
    for (const wiring of [
      'setPermissionRequestHandler(',
      'setPermissionCheckHandler(',
      "contents.on('will-navigate'",
      "contents.on('will-redirect'",
      "contents.on('will-frame-navigate'",
      "contents.on('will-attach-webview', (event) => event.preventDefault())",
      'contents.setWindowOpenHandler(',
      'newWindowDecision(url)',
      "target.on('will-download'",
      'downloadRule(',
      "app.on('web-contents-created'",
    ]) {
      expect(source).toContain(wiring)
    }
    const ipc = readFileSync('src/main/electron/ipc-register.ts', 'utf8')
    expect(ipc).toContain('ipcSenderAllowed(sender, renderer)')
  })

  it('holds the single-instance lock and sets the Vietnamese menu', () => {
    expect(source).toContain('app.requestSingleInstanceLock()')
    expect(source).toContain("app.on('second-instance', focusMainWindow)")
    expect(source).toContain('Menu.setApplicationMenu(')
    expect(source).toContain('appMenuTemplate(')
  })
})
