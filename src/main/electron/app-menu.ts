import type { MenuItemConstructorOptions } from 'electron'
import { fillText, type ShellText, shellTextVi } from './shell-text'

/** What the menu's own items do; supplied by index.ts (they need Electron). */
export interface MenuActions {
  openDataFolder(): void
  showAbout(): void
}

/**
 * The application menu as data: Tệp, Sửa, Xem, Trợ giúp. Standard actions use Electron
 * roles (their usual shortcuts: Ctrl+Z, Ctrl+C, Ctrl+= …) with Vietnamese labels. Reload
 * and the developer tools are only in development: a reload in the field would drop the
 * screen a person is on, and the tools would open the page to anyone at the laptop.
 */
export function appMenuTemplate(
  actions: MenuActions,
  options: { dev: boolean },
  text: ShellText = shellTextVi,
): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [
        { type: 'separator' },
        { role: 'reload', label: text.reload },
        { role: 'toggleDevTools', label: text.devTools },
      ]
    : []
  return [
    {
      label: text.file,
      submenu: [
        { label: text.openDataFolder, click: () => actions.openDataFolder() },
        { type: 'separator' },
        { role: 'quit', label: text.quit },
      ],
    },
    {
      label: text.edit,
      submenu: [
        { role: 'undo', label: text.undo },
        { role: 'redo', label: text.redo },
        { type: 'separator' },
        { role: 'cut', label: text.cut },
        { role: 'copy', label: text.copy },
        { role: 'paste', label: text.paste },
        { role: 'selectAll', label: text.selectAll },
      ],
    },
    {
      label: text.view,
      submenu: [
        { role: 'zoomIn', label: text.zoomIn },
        { role: 'zoomOut', label: text.zoomOut },
        { role: 'resetZoom', label: text.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: text.fullScreen },
        ...devItems,
      ],
    },
    {
      label: text.help,
      submenu: [{ label: text.about, click: () => actions.showAbout() }],
    },
  ]
}

/** The "about" box's text: version and data folder, filled into the catalog's template. */
export function aboutDetail(
  version: string,
  dataDir: string,
  text: ShellText = shellTextVi,
): string {
  return fillText(text.aboutDetail, { version, dataDir })
}
