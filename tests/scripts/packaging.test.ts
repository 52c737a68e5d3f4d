import { existsSync, readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const config = readFileSync('electron-builder.yml', 'utf8')

/** Width, height and colour type of a PNG, after checking its signature. */
function pngHeader(png: Buffer): { width: number; height: number; colorType: number } {
  expect(
    png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ).toBe(true)
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] ?? -1 }
}

/** The decompressed IDAT bytes of a PNG: decoding fails if the image data is broken. */
function pngData(png: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 8
  while (at < png.length) {
    const length = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('ascii')
    if (type === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  return inflateSync(Buffer.concat(parts))
}

describe('packaging (npm run package, electron-builder.yml)', () => {
  it('makes a Windows NSIS installer (x64) and a Linux AppImage (x64) named Làng Số', () => {
    expect(config).toMatch(/^productName: Làng Số$/m)
    expect(config).toMatch(/target: nsis\n\s+arch: \[x64\]/)
    expect(config).toMatch(/target: AppImage\n\s+arch: \[x64\]/)
    // Artifact names stay ASCII for download links and USB sticks.
    for (const name of config.match(/artifactName: .+/g) ?? [])
      expect(name).toMatch(/^[\x20-\x7e]+$/)
  })

  it('unpacks better-sqlite3 from the asar and never rebuilds node_modules in place', () => {
    expect(config).toMatch(/^asar: true$/m)
    expect(config).toMatch(/^asarUnpack:\n\s+- node_modules\/better-sqlite3\/\*\*$/m)
    expect(config).toMatch(/^npmRebuild: false$/m)
    expect(config).toMatch(/^afterPack: \.\/scripts\/after-pack\.mjs$/m)
  })

  it('packs the packages the main process loads', () => {
    const include = /^\s+- node_modules\/\{([^}]+)\}\/\*\*$/m.exec(config)?.[1]?.split(',') ?? []
    for (const name of [
      'better-sqlite3',
      'bindings',
      'file-uri-to-path',
      'kysely',
      'uuid',
      'zod',
    ]) {
      expect(include).toContain(name)
    }
  })

  it('has an afterPack hook that puts the Electron addon where the app loads it', async () => {
    const hook = (await import('../../scripts/after-pack.mjs')) as {
      afterPack: unknown
      UNPACKED_ADDON: string[]
    }
    expect(typeof hook.afterPack).toBe('function')
    const { PACKAGED_ADDON } = await import('../../src/main/electron/native-binding')
    expect(hook.UNPACKED_ADDON).toEqual([...PACKAGED_ADDON])
  })

  it('has a real icon: a 512×512 PNG and an .ico with a 256×256 image', () => {
    const iconPath = /^\s+icon: (resources\/icon\.png)$/m.exec(config)?.[1]
    const icoPath = /^\s+icon: (resources\/icon\.ico)$/m.exec(config)?.[1]
    expect(iconPath && existsSync(iconPath)).toBe(true)
    expect(icoPath && existsSync(icoPath)).toBe(true)
    const png = readFileSync('resources/icon.png')
    expect(pngHeader(png)).toEqual({ width: 512, height: 512, colorType: 6 })
    expect(pngData(png).length).toBe(512 * (512 * 4 + 1))

    const ico = readFileSync('resources/icon.ico')
    expect(ico.readUInt16LE(2)).toBe(1)
    const count = ico.readUInt16LE(4)
    const sizes: number[] = []
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? 0)
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      )
      expect(pngHeader(image)).toMatchObject({ width: size, height: size })
      expect(pngData(image).length).toBe(size * (size * 4 + 1))
      sizes.push(size)
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256])
  })
})
