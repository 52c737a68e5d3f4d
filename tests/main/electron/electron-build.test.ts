import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { META_CONTENT_SECURITY_POLICY } from '../../../src/main/electron/content-security-policy'
import { IPC_CHANNEL } from '../../../src/shared/api/desktop-api'
import { IPC_CALLS } from '../../../src/shared/api/ipc.contract'

/**
 * The electron-vite build (`npx electron-vite build`, part of `npm run build`): what the
 * packaged app is made of. Checked here because the app itself cannot be launched in CI.
 */
const OUT = 'out'
const MAIN = join(OUT, 'main', 'index.js')
const PRELOAD = join(OUT, 'preload', 'index.cjs')
const INDEX = join(OUT, 'renderer', 'index.html')

/** Runtime packages the main process may load from node_modules (everything else is bundled). */
const MAIN_RUNTIME_PACKAGES = ['better-sqlite3', 'electron', 'kysely', 'uuid', 'zod']

describe('the electron-vite build output', () => {
  beforeAll(() => {
    for (const file of [MAIN, PRELOAD, INDEX]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run npx electron-vite build`)
    }
  })

  it('has the main process, the preload and the renderer with its assets', () => {
    const html = readFileSync(INDEX, 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '')
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true)
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true)
    for (const asset of assets) expect(existsSync(join(OUT, 'renderer', asset)), asset).toBe(true)
    // Relative asset URLs: the page works under app://langso/ as well as in the e2e server.
    expect(html).not.toMatch(/(?:src|href)="\/(?!\/)/)
  })

  it('holds the renderer to the same Content-Security-Policy as the app:// responses', () => {
    const html = readFileSync(INDEX, 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY)
    expect(meta).toContain("default-src 'none'")
    expect(meta).toContain("script-src 'self'")
    expect(meta).not.toMatch(/script-src[^;]*unsafe/)
  })

  it('has a preload that exposes exactly the IPC contract as window.api, and nothing else', async () => {
    const exposed: [string, unknown][] = []
    const invoked: unknown[][] = []
    const required: string[] = []
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args)
          return { ok: true, data: null }
        },
      },
    }
    const module = { exports: {} }
    runInNewContext(readFileSync(PRELOAD, 'utf8'), {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name)
        if (name !== 'electron') throw new Error(`the preload must not load ${name}`)
        return electron
      },
    })
    expect(required).toEqual(['electron'])
    expect(exposed.map(([key]) => key)).toEqual(['api'])
    const api = exposed[0]?.[1] as Record<string, (input: unknown) => Promise<unknown>>
    expect(Object.keys(api).sort()).toEqual([...IPC_CALLS].sort())
    expect(Object.isFrozen(api)).toBe(true)
    for (const name of IPC_CALLS) {
      expect(typeof api[name]).toBe('function')
      await api[name]?.({ probe: name })
    }
    expect(invoked).toEqual(IPC_CALLS.map((name) => [IPC_CHANNEL, name, { probe: name }]))
  })

  it('has a main process that loads only the packages the installer carries', () => {
    const main = readFileSync(MAIN, 'utf8')
    const bare = new Set(
      [
        ...main.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$/gm),
        ...main.matchAll(/^import\s*"([^"]+)";?$/gm),
        ...main.matchAll(/\b(?:require|import)\(\s*"([^"]+)"\s*\)/g),
      ]
        .map((m) => m[1] ?? '')
        .filter((name) => !name.startsWith('node:') && !name.startsWith('.'))
        .map((name) =>
          name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? ''),
        ),
    )
    expect([...bare].sort()).toEqual(MAIN_RUNTIME_PACKAGES)
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>
    }
    for (const name of MAIN_RUNTIME_PACKAGES.filter((n) => n !== 'electron')) {
      expect(pkg.dependencies[name], name).toBeDefined()
    }
    // Serves app://, never file://.
    expect(main).toContain('app://langso/index.html')
    expect(main).not.toContain('loadFile(')
  })
})
