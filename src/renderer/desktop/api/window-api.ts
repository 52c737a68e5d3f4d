import type { DesktopApi } from '../../../shared/api/desktop-api'

declare global {
  interface Window {
    /** The typed bridge the preload exposes (or the e2e suite bridges into Chromium). */
    api: DesktopApi
  }
}
