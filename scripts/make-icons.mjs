#!/usr/bin/env node
/**
 * Draws the app icon with Node alone (no image library): a blue rounded square, a white
 * house with a blue door, and a yellow sun — a village. Writes resources/icon.png
 * (512×512, for Linux and the window) and resources/icon.ico (16–256 px, PNG-compressed
 * entries, for the Windows installer and executable). Run: node scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const TOP = [34, 139, 230] // blue.6
const BOTTOM = [24, 100, 171] // blue.9
const WHITE = [255, 255, 255]
const SUN = [252, 196, 25] // yellow.5

/** Whether a point (unit square, y down) is inside a rounded square with margin m, radius r. */
function inRoundedSquare(x, y, m, r) {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - m - r), 0)
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - m - r), 0)
  return dx * dx + dy * dy <= r * r
}

/** Inside the triangle a-b-c (by the signs of the edge functions). */
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by)
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy)
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay)
  const neg = d1 < 0 || d2 < 0 || d3 < 0
  const pos = d1 > 0 || d2 > 0 || d3 > 0
  return !(neg && pos)
}

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1

/** The colour (RGBA) of one point of the icon, painted back to front. */
function paint(x, y) {
  if (!inRoundedSquare(x, y, 0.04, 0.2)) return [0, 0, 0, 0]
  const t = (y - 0.04) / 0.92
  let color = TOP.map((c, i) => c + (BOTTOM[i] - c) * t)
  const dx = x - 0.74
  const dy = y - 0.26
  if (dx * dx + dy * dy <= 0.075 * 0.075) color = SUN
  const roof = inTriangle(x, y, [0.5, 0.24], [0.18, 0.5], [0.82, 0.5])
  const body = inRect(x, y, 0.27, 0.48, 0.73, 0.78)
  if (roof || body) color = WHITE
  if (inRect(x, y, 0.445, 0.6, 0.555, 0.78)) color = BOTTOM
  if (inRect(x, y, 0.32, 0.56, 0.4, 0.64) || inRect(x, y, 0.6, 0.56, 0.68, 0.64)) color = TOP
  return [...color, 255]
}

/** RGBA pixels of the icon at `size`, each the average of 4×4 samples (anti-aliased). */
export function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4)
  const n = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
          // Premultiplied, so transparent samples do not darken the edge.
          sum[0] += r * a
          sum[1] += g * a
          sum[2] += b * a
          sum[3] += a
        }
      }
      const o = (py * size + px) * 4
      const alpha = sum[3] / (n * n)
      pixels[o] = alpha ? Math.round(sum[0] / sum[3]) : 0
      pixels[o + 1] = alpha ? Math.round(sum[1] / sum[3]) : 0
      pixels[o + 2] = alpha ? Math.round(sum[2] / sum[3]) : 0
      pixels[o + 3] = Math.round(alpha)
    }
  }
  return pixels
}

/** A PNG file (8-bit RGBA, no interlace) of square RGBA pixels. */
export function encodePng(size, pixels) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    // Filter type 0 (none) before each scanline.
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A Windows .ico holding one PNG-compressed image per size (Windows Vista and later). */
export function encodeIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // icon
  header.writeUInt16LE(images.length, 4)
  const entries = []
  let offset = 6 + 16 * images.length
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16)
    entry[0] = size >= 256 ? 0 : size // 0 means 256
    entry[1] = size >= 256 ? 0 : size
    entry.writeUInt16LE(1, 4) // planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    entries.push(entry)
    offset += png.length
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = join(root, 'resources')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'icon.png'), encodePng(512, renderIcon(512)))
  const sizes = [16, 24, 32, 48, 64, 128, 256]
  writeFileSync(
    join(out, 'icon.ico'),
    encodeIco(sizes.map((size) => ({ size, png: encodePng(size, renderIcon(size)) }))),
  )
  console.log('resources/icon.png (512×512) and resources/icon.ico (16–256 px) written')
}
