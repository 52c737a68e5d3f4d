import { describe, expect, it } from 'vitest'
import { mainWindowOptions, secureWebPreferences } from '../../../src/main/electron/window-options'

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
  })

  it('loads our preload and uses the same preferences for the main window', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    const window = mainWindowOptions('/app/out/preload/index.cjs')
    expect(window.webPreferences).toEqual(prefs)
    expect(window.show).toBe(false) // shown on ready-to-show, without a white flash
  })
})
