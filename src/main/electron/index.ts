import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  protocol,
  type Session,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron'
import { installAppShell } from '../app/app-shell'
import { dataFolderOf } from '../app/data-folder'
import { type FileLogger, openFileLogger } from '../app/file-logger'
import { describeError } from '../app/logger'
import { type BackupSchedule, startBackupSchedule } from '../backup/backup-schedule'
import { applyStagedRestore } from '../backup/restore.service'
import { closeMainContext, type MainContext, openMainContext } from '../context'
import { aboutDetail, appMenuTemplate } from './app-menu'
import { builtPaths, DB_FILE_NAME, dataDirIn } from './app-paths'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppRequest } from './app-protocol'
import { APP_RESPONSE_HEADERS } from './content-security-policy'
import { registerIpc } from './ipc-register'
import { selectNativeBinding } from './native-binding'
import { type RendererLocation, rendererLocation, rendererUrl } from './renderer-location'
import { keyStoreBackend, safeStorageKeyProvider } from './safe-storage-key-provider'
import { fillText, shellTextVi } from './shell-text'
import { SINGLE_INSTANCE, secondInstanceSteps } from './single-instance'
import { downloadRule, navigationAllowed, newWindowDecision, permissionAllowed } from './web-guards'
import { MAIN_WINDOW_SIZING, mainWindowOptions } from './window-options'
import { placeWindow, windowStateOf } from './window-state'
import { readWindowState, windowStateFile, writeWindowState } from './window-state.store'

/*
 * Electron glue, kept free of logic: every decision it wires up is a plain function tested
 * without Electron (web-guards, app-protocol, window-state, app-menu, native-binding,
 * single-instance, backup/, app/). This is the only code (with ipc-register and
 * safe-storage-key-provider) that imports 'electron'.
 */

const here = dirname(fileURLToPath(import.meta.url))
const built = builtPaths(here)
const renderer = rendererLocation(process.env.ELECTRON_RENDERER_URL, built.rendererDir)
const dev = !app.isPackaged

// Before anything reads it (the single-instance lock lives in it): one data folder for
// `npm start` and the installed app alike.
app.setPath('userData', dataDirIn(app.getPath('appData')))
const folder = dataFolderOf(join(app.getPath('userData'), DB_FILE_NAME))
// Must happen before ready: app:// is a standard, secure scheme for our renderer.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

let mainWindow: BrowserWindow | null = null
let context: MainContext | null = null
let schedule: BackupSchedule | null = null
const log: FileLogger = openFileLogger({
  dir: folder.logsDir,
  echo: dev,
  knownPaths: [
    { path: app.getAppPath(), label: '<app>' },
    { path: folder.dataDir, label: '<data>' },
    { path: homedir(), label: '~' },
  ],
})

if (SINGLE_INSTANCE.lock && !app.requestSingleInstanceLock()) {
  // Two instances on one store would race on the outbox: hand over to the first one.
  app.quit()
} else {
  process.on('uncaughtException', (error) => log.error('uncaught_exception', describeError(error)))
  process.on('unhandledRejection', (error) =>
    log.error('unhandled_rejection', describeError(error)),
  )
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => lockDown(contents, renderer))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', closeStoreBeforeQuit)
  app.whenReady().then(start).catch(fail)
}

async function start(): Promise<void> {
  mkdirSync(folder.dataDir, { recursive: true })
  const nativeBinding = selectNativeBinding({
    envBinding: process.env.LANGSO_SQLITE_BINDING,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  })
  installAppShell({ version: app.getVersion(), nativeBinding, requestRestart: restartSoon })
  log.info('app_start', {
    version: app.getVersion(),
    electron: process.versions.electron ?? null,
    platform: process.platform,
    packaged: app.isPackaged,
    keyStore: keyStoreBackend(),
  })
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        {
          openDataFolder: () => void shell.openPath(folder.dataDir),
          showAbout: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: shellTextVi.about,
              message: 'Làng Số',
              detail: aboutDetail(app.getVersion(), folder.dataDir),
            }),
        },
        { dev },
      ),
    ),
  )
  guardSession(session.defaultSession, renderer)
  const addon = nativeBinding ? { nativeBinding } : {}
  await applyStagedRestore({ dbFile: folder.dbFile, addon, nowMs: Date.now(), log })
  context = await openMainContext({
    dbPath: folder.dbFile,
    keyProvider: safeStorageKeyProvider,
    log,
    ...addon,
  })
  registerIpc(() => context, renderer)
  schedule = startBackupSchedule(() => context)
  openMainWindow()
}

function openMainWindow(): void {
  const stateFile = windowStateFile(folder.dataDir)
  const workAreas = [
    screen.getPrimaryDisplay(),
    ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id),
  ].map((display) => display.workArea)
  const placement = placeWindow(readWindowState(stateFile), workAreas, MAIN_WINDOW_SIZING)
  const window = new BrowserWindow(mainWindowOptions(built.preload, placement, { devTools: dev }))
  mainWindow = window
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  window.on('close', () => {
    try {
      writeWindowState(stateFile, windowStateOf(window.getNormalBounds(), window.isMaximized()))
    } catch (error) {
      log.error('window_state_not_saved', describeError(error))
    }
  })
  window.on('closed', () => {
    mainWindow = null
  })
  window.webContents.on('render-process-gone', (_event, details) =>
    log.error('renderer_gone', { reason: details.reason, exitCode: details.exitCode }),
  )
  window.on('unresponsive', () => log.error('window_unresponsive'))
  void window.loadURL(rendererUrl(renderer))
}

function fail(error: unknown): void {
  log.error('app_start_failed', describeError(error))
  const code = (error as { code?: unknown })?.code
  dialog.showErrorBox(
    shellTextVi.startFailedTitle,
    fillText(shellTextVi.startFailed, {
      code: typeof code === 'string' ? code : 'internal',
      logsDir: folder.logsDir,
    }),
  )
  app.exit(1)
}

function focusMainWindow(): void {
  const window = mainWindow
  const steps = secondInstanceSteps({
    exists: window !== null,
    minimized: window?.isMinimized() ?? false,
    visible: window?.isVisible() ?? false,
  })
  for (const step of steps) window?.[step]()
}

/** A staged restore is applied at start: quit cleanly (closing the store) and start again. */
function restartSoon(): void {
  // Electron starts the app again once this instance has exited.
  app.relaunch()
  // After the current IPC call has answered the page.
  setTimeout(() => app.quit(), 200)
}

/** No navigation away from our renderer, no new windows, no webviews. */
function lockDown(contents: WebContents, location: RendererLocation): void {
  const refuse = (event: Electron.Event, url: string) => {
    if (!navigationAllowed(url, location)) event.preventDefault()
  }
  contents.on('will-navigate', (event, url) => refuse(event, url))
  contents.on('will-redirect', (event, url) => refuse(event, url))
  contents.on('will-frame-navigate', (event) => refuse(event, event.url))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = newWindowDecision(url)
    if (decision.openExternal) void shell.openExternal(decision.openExternal)
    return { action: decision.action }
  })
}

/**
 * The renderer's session: app:// serves the built renderer (traversal refused) with the
 * Content-Security-Policy header; permissions are refused unless on the short list; the
 * only downloads are batch files and diagnostics bundles, always through a save dialog.
 */
function guardSession(target: Session, location: RendererLocation): void {
  if (location.kind === 'app') {
    target.protocol.handle(APP_SCHEME, async (request) => {
      const resolved = resolveAppRequest(request.url, location.rendererDir)
      if (!resolved.ok) return new Response(null, { status: resolved.status })
      try {
        const body = await readFile(resolved.filePath)
        return new Response(body, {
          status: 200,
          headers: { 'Content-Type': resolved.contentType, ...APP_RESPONSE_HEADERS },
        })
      } catch {
        return new Response(null, { status: 404 })
      }
    })
  }
  target.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      permissionAllowed(
        { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame },
        location,
      ),
    ),
  )
  target.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    permissionAllowed(
      { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame },
      location,
    ),
  )
  target.on('will-download', (event, item) => {
    const rule = downloadRule(item.getFilename(), item.getURL())
    if (!rule) {
      event.preventDefault()
      log.info('download_refused')
      return
    }
    item.setSaveDialogOptions({
      defaultPath: item.getFilename(),
      filters: [{ name: rule.label, extensions: [rule.extension] }],
    })
  })
}

/** Lets a running sync settle and closes the store cleanly (checkpointing the WAL). */
function closeStoreBeforeQuit(event: Electron.Event): void {
  schedule?.stop()
  schedule = null
  const closing = context
  if (!closing) return
  context = null
  event.preventDefault()
  closeMainContext(closing)
    .catch((error: unknown) => log.error('store_close_failed', describeError(error)))
    .finally(() => app.quit())
}
