import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/**
 * The renderer's sandbox. The page gets no Node, runs in a sandboxed process, sees the
 * preload's `window.api` only through context isolation, and cannot load mixed content,
 * webviews or experimental features. Pure, so tests check each setting without Electron.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  }
}

/** The main window: large enough for the survey form on a village laptop's small screen. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Làng Số',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  }
}
