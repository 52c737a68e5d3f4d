import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { WindowPlacement, WindowSizing } from './window-state'

/**
 * The renderer's sandbox. The page gets no Node, runs in a sandboxed process, sees the
 * preload's `window.api` only through context isolation, and cannot load mixed content,
 * webviews or experimental features; the developer tools only in development. Pure, so tests check each setting without Electron.
 */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
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
    // The developer tools would open the page (and window.api) to anyone at the laptop.
    devTools,
  }
}

/** The main window's size: large enough for the survey form on a village laptop's small screen. */
export const MAIN_WINDOW_SIZING: WindowSizing = {
  width: 1280,
  height: 800,
  minWidth: 960,
  minHeight: 600,
}

/**
 * The main window, at the remembered place (placeWindow) or centred at the default size.
 * Hidden until the page is ready, so there is no white flash; the Vietnamese menu bar
 * stays visible.
 */
export function mainWindowOptions(
  preloadPath: string,
  placement: WindowPlacement = { bounds: MAIN_WINDOW_SIZING, maximized: false },
  options: { devTools: boolean } = { devTools: false },
): BrowserWindowConstructorOptions {
  const { bounds } = placement
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MAIN_WINDOW_SIZING.minWidth,
    minHeight: MAIN_WINDOW_SIZING.minHeight,
    show: false,
    title: 'Làng Số',
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath, options.devTools),
  }
}
