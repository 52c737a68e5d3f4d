import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aboutDetail, appMenuTemplate } from '../../../src/main/electron/app-menu'
import { builtPaths, DATA_FOLDER_NAME, dataDirIn } from '../../../src/main/electron/app-paths'
import { PACKAGED_ADDON, selectNativeBinding } from '../../../src/main/electron/native-binding'
import { shellTextVi } from '../../../src/main/electron/shell-text'
import { SINGLE_INSTANCE, secondInstanceSteps } from '../../../src/main/electron/single-instance'

const actions = { openDataFolder: () => {}, showAbout: () => {} }

type Item = { label?: string; role?: string; type?: string; submenu?: Item[] }
const flatten = (items: readonly Item[]): Item[] =>
  items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])

describe('the application menu', () => {
  it('is Vietnamese: Tệp, Sửa, Xem, Trợ giúp, every item labelled from the catalog', () => {
    const menu = appMenuTemplate(actions, { dev: false }) as Item[]
    expect(menu.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp'])
    const labels = new Set<string>(Object.values(shellTextVi))
    for (const item of flatten(menu)) {
      if (item.type === 'separator') continue
      expect(labels.has(item.label ?? ''), item.label).toBe(true)
    }
  })

  it('keeps Alt+letter free for the form (no mnemonics) and has no reload or dev tools in the field', () => {
    const field = flatten(appMenuTemplate(actions, { dev: false }) as Item[])
    expect(field.some((item) => item.label?.includes('&'))).toBe(false)
    expect(field.map((item) => item.role)).not.toContain('reload')
    expect(field.map((item) => item.role)).not.toContain('toggleDevTools')
    expect(field.map((item) => item.role)).toEqual(
      expect.arrayContaining(['quit', 'undo', 'copy', 'paste', 'selectAll', 'zoomIn', 'resetZoom']),
    )
    const dev = flatten(appMenuTemplate(actions, { dev: true }) as Item[])
    expect(dev.map((item) => item.role)).toContain('toggleDevTools')
  })

  it('calls the shell for its own items', () => {
    const called: string[] = []
    const menu = appMenuTemplate(
      { openDataFolder: () => called.push('folder'), showAbout: () => called.push('about') },
      { dev: false },
    )
    for (const item of flatten(menu as Item[]) as { click?: () => void }[]) item.click?.()
    expect(called).toEqual(['folder', 'about'])
    expect(aboutDetail('0.1.0', '/home/x/.config/lang-so')).toBe(
      'Phiên bản 0.1.0\nThư mục dữ liệu: /home/x/.config/lang-so',
    )
  })
})

describe('one running copy', () => {
  it('takes the lock and quits a second start', () => {
    expect(SINGLE_INSTANCE).toEqual({ lock: true, whenLocked: 'quit' })
  })

  it('brings the first window to the front', () => {
    expect(secondInstanceSteps({ exists: true, minimized: true, visible: true })).toEqual([
      'restore',
      'focus',
    ])
    expect(secondInstanceSteps({ exists: true, minimized: false, visible: false })).toEqual([
      'show',
      'focus',
    ])
    expect(secondInstanceSteps({ exists: false, minimized: false, visible: false })).toEqual([])
  })
})

describe('paths', () => {
  it('keeps the data in one ASCII-named folder under the OS user-data folder', () => {
    expect(DATA_FOLDER_NAME).toMatch(/^[a-z-]+$/)
    expect(dataDirIn('C:\\Users\\a\\AppData\\Roaming')).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'lang-so'),
    )
    expect(builtPaths('/app/out/main')).toEqual({
      rendererDir: join('/app/out/renderer'),
      preload: join('/app/out/preload/index.cjs'),
    })
  })
})

describe('which better-sqlite3 addon the Electron app loads', () => {
  it('uses the Electron build npm start made, named in LANGSO_SQLITE_BINDING', () => {
    const addon =
      '/repo/.electron-native/electron-45.4.1-linux-x64/better-sqlite3/build/Release/better_sqlite3.node'
    expect(selectNativeBinding({ envBinding: addon, isPackaged: false, resourcesPath: '/x' })).toBe(
      addon,
    )
  })

  it('in a packaged app uses the addon unpacked beside app.asar, whatever the environment says', () => {
    const resources = 'C:\\Program Files\\Làng Số\\resources'
    expect(
      selectNativeBinding({
        envBinding: '/tmp/evil.node',
        isPackaged: true,
        resourcesPath: resources,
      }),
    ).toBe(join(resources, ...PACKAGED_ADDON))
    expect(PACKAGED_ADDON.join('/')).toBe(
      'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    )
  })

  it("otherwise leaves it to better-sqlite3's own lookup (plain Node)", () => {
    expect(
      selectNativeBinding({ envBinding: undefined, isPackaged: false, resourcesPath: '' }),
    ).toBeUndefined()
    expect(
      selectNativeBinding({ envBinding: '  ', isPackaged: false, resourcesPath: '' }),
    ).toBeUndefined()
  })
})
