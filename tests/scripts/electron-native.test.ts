import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  electronNativePaths,
  electronNativeTarget,
  explainMissing,
  hasElectronNativeBuild,
  Missing,
} from '../../scripts/electron-native.mjs'
import { selectNativeBinding } from '../../src/main/electron/native-binding'

const root = mkdtempSync(join(tmpdir(), 'langso-native-'))

describe('the Electron build of better-sqlite3 (npm start, npm run package)', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('lives in .electron-native/, one folder per Electron version, platform and CPU', () => {
    const target = electronNativeTarget({
      electronVersion: '45.4.1',
      platform: 'win32',
      arch: 'x64',
    })
    expect(target).toBe('electron-45.4.1-win32-x64')
    const paths = electronNativePaths('/repo', target)
    expect(paths.binding).toBe(
      join(
        '/repo',
        '.electron-native',
        target,
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    )
    // Never node_modules/better-sqlite3: the Node build there is what tests and the server load.
    expect(paths.binding).not.toContain('node_modules')
    expect(paths.log).toBe(join('/repo', '.electron-native', `${target}.log`))
  })

  it('counts a build as there only once it is finished for that very target', () => {
    const target = electronNativeTarget({
      electronVersion: '45.4.1',
      platform: 'linux',
      arch: 'x64',
    })
    const paths = electronNativePaths(root, target)
    expect(hasElectronNativeBuild(paths, target)).toBe(false)
    mkdirSync(join(paths.packageDir, 'build', 'Release'), { recursive: true })
    writeFileSync(paths.binding, 'addon')
    // A copy interrupted before its marker was written is made again.
    expect(hasElectronNativeBuild(paths, target)).toBe(false)
    writeFileSync(paths.marker, 'electron-44.0.0-linux-x64')
    expect(hasElectronNativeBuild(paths, target)).toBe(false)
    writeFileSync(paths.marker, target)
    expect(hasElectronNativeBuild(paths, target)).toBe(true)
  })

  it('is what the Electron main process loads when npm start names it', () => {
    const target = electronNativeTarget({
      electronVersion: '45.4.1',
      platform: 'linux',
      arch: 'x64',
    })
    const { binding } = electronNativePaths(root, target)
    expect(selectNativeBinding({ envBinding: binding, isPackaged: false, resourcesPath: '' })).toBe(
      binding,
    )
  })

  it('explains a missing piece in one paragraph, without a stack trace', () => {
    const error = new Missing(
      'the Electron 45.4.1 runtime is not installed and could not be downloaded',
      'Give this machine network access to github.com once, then run npm start again.',
    )
    const text = explainMissing('start', error, 'Everything else works without it.')
    expect(text.trim().split('\n')).toHaveLength(1)
    expect(text).toContain('Làng Số cannot start: the Electron 45.4.1 runtime')
    expect(text).not.toMatch(/\bat .+:\d+:\d+/)
  })
})
