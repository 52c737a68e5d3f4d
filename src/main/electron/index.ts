import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, type Session, session, type WebContents } from 'electron'
import { consoleLogger, describeError } from '../app/logger'
import { closeMainContext, type MainContext, openMainContext } from '../context'
import { registerIpc } from './ipc-register'
import {
  isTrustedRendererUrl,
  type RendererLocation,
  rendererLocation,
  rendererUrl,
} from './renderer-location'
import { keyStoreBackend, safeStorageKeyProvider } from './safe-storage-key-provider'
import { mainWindowOptions } from './window-options'

/*
 * Electron glue, kept free of logic: everything it calls is plain code tested without
 * Electron. This is the only module (with ipc-register) that imports 'electron'.
 */

const here = dirname(fileURLToPath(import.meta.url))
const renderer = rendererLocation(
  process.env.ELECTRON_RENDERER_URL,
  join(here, '../renderer/index.html'),
)
let mainWindow: BrowserWindow | null = null
let context: MainContext | null = null

if (!app.requestSingleInstanceLock()) {
  // Two instances on one store would race on the outbox: hand over to the first one.
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => lockDown(contents, renderer))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', closeStoreBeforeQuit)
  app.whenReady().then(start).catch(fail)
}

async function start(): Promise<void> {
  denyPermissions(session.defaultSession)
  askWhereToSaveBatchFiles(session.defaultSession)
  consoleLogger.info('key_store', { backend: keyStoreBackend() })
  context = await openMainContext({
    dbPath: join(app.getPath('userData'), 'langso.sqlite'),
    keyProvider: safeStorageKeyProvider,
    ...(process.env.LANGSO_SQLITE_BINDING
      ? { nativeBinding: process.env.LANGSO_SQLITE_BINDING }
      : {}),
  })
  registerIpc(context, renderer)
  mainWindow = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')))
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  await mainWindow.loadURL(rendererUrl(renderer))
}

function fail(error: unknown): void {
  consoleLogger.error('app_start_failed', describeError(error))
  app.exit(1)
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

/** No navigation away from our renderer, no new windows, no webviews. */
function lockDown(contents: WebContents, location: RendererLocation): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, location)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The app needs no camera, microphone, location or notifications. */
function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
}

/**
 * The only download is an exported batch file (the renderer saves sync.exportBatchFile's
 * bytes): always ask where to save it — a USB stick — and refuse anything else.
 */
function askWhereToSaveBatchFiles(target: Session): void {
  target.on('will-download', (event, item) => {
    const name = item.getFilename()
    if (!name.endsWith('.langso-batch') || !item.getURL().startsWith('blob:')) {
      event.preventDefault()
      return
    }
    item.setSaveDialogOptions({
      defaultPath: name,
      filters: [{ name: 'Làng Số', extensions: ['langso-batch'] }],
    })
  })
}

/** Lets a running sync settle and closes the store cleanly (checkpointing the WAL). */
function closeStoreBeforeQuit(event: Electron.Event): void {
  const closing = context
  if (!closing) return
  context = null
  event.preventDefault()
  closeMainContext(closing)
    .catch((error: unknown) => consoleLogger.error('store_close_failed', describeError(error)))
    .finally(() => app.quit())
}
