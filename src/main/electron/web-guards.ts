import { isTrustedRendererUrl, type RendererLocation } from './renderer-location'

/*
 * The checks Electron's security checklist asks for, as plain functions of their inputs so
 * that tests cover each one without Electron; index.ts only wires them to the events.
 */

/**
 * Permissions the page may have. Everything else (camera, microphone, location,
 * notifications, USB, HID, serial, clipboard reading, …) is refused without asking.
 * Writing to the clipboard lets "copy" buttons (the data folder's path) work.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** A permission request or check, as Electron reports it. */
export interface PermissionAsk {
  permission: string
  /** The URL of the frame asking; Electron omits it for checks not made by a document. */
  requestingUrl: string | undefined
  isMainFrame: boolean
}

/** Whether to grant a permission: one on the short list, asked by our page's main frame. */
export function permissionAllowed(ask: PermissionAsk, location: RendererLocation): boolean {
  return (
    ALLOWED_PERMISSIONS.has(ask.permission) &&
    ask.isMainFrame &&
    ask.requestingUrl !== undefined &&
    isTrustedRendererUrl(ask.requestingUrl, location)
  )
}

/** A navigation (link, form, location change) is allowed only within our own page. */
export function navigationAllowed(url: string, location: RendererLocation): boolean {
  return isTrustedRendererUrl(url, location)
}

/**
 * Hosts an external link may open, in the system browser: the national public-service
 * and identity portals the questionnaire talks about. Exact host names, https only.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'dichvucong.gov.vn',
  'www.dichvucong.gov.vn',
  'vneid.gov.vn',
  'www.vneid.gov.vn',
  'mic.gov.vn',
  'www.mic.gov.vn',
])

/**
 * What to do when the page asks for a new window (`window.open`, target=_blank): never a
 * new Electron window; an https link to an allow-listed host opens in the system browser,
 * anything else is dropped.
 */
export function newWindowDecision(
  url: string,
  hosts: ReadonlySet<string> = EXTERNAL_LINK_HOSTS,
): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: isAllowedExternalLink(url, hosts) ? url : null }
}

/** https, default port, no credentials, host on the allowlist. */
export function isAllowedExternalLink(
  url: string,
  hosts: ReadonlySet<string> = EXTERNAL_LINK_HOSTS,
): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    parsed.port === '' &&
    hosts.has(parsed.hostname)
  )
}

/** Where an IPC call comes from, as Electron reports it. */
export interface IpcSender {
  /** The calling frame's URL; null when the frame is gone. */
  frameUrl: string | null
  /** Whether the calling frame is the window's top frame (not an iframe). */
  isTopFrame: boolean
}

/** Only our renderer's top frame may call the main process. */
export function ipcSenderAllowed(sender: IpcSender, location: RendererLocation): boolean {
  return (
    sender.frameUrl !== null && sender.isTopFrame && isTrustedRendererUrl(sender.frameUrl, location)
  )
}

/** A file the page may save through a download, and the save dialog's filter for it. */
export interface DownloadRule {
  label: string
  extension: string
  pattern: RegExp
}

/**
 * The only downloads: an exported batch file (sync.exportBatchFile's bytes, for a USB
 * stick) and a diagnostics bundle for support, both made by the page from a blob: URL.
 */
export const DOWNLOAD_RULES: readonly DownloadRule[] = [
  { label: 'Làng Số', extension: 'langso-batch', pattern: /^[A-Za-z0-9_.-]+\.langso-batch$/ },
  {
    label: 'Làng Số — chẩn đoán',
    extension: 'zip',
    pattern: /^langso-diagnostics-[A-Za-z0-9_.-]+\.zip$/,
  },
]

/** The rule a download follows, or null to refuse it (another name, or not from a blob). */
export function downloadRule(fileName: string, url: string): DownloadRule | null {
  if (!url.startsWith('blob:')) return null
  return DOWNLOAD_RULES.find((rule) => rule.pattern.test(fileName)) ?? null
}
