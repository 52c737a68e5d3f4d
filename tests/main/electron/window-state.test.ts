import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { MAIN_WINDOW_SIZING } from '../../../src/main/electron/window-options'
import {
  parseWindowState,
  placeWindow,
  type Rect,
  windowStateOf,
} from '../../../src/main/electron/window-state'
import {
  readWindowState,
  windowStateFile,
  writeWindowState,
} from '../../../src/main/electron/window-state.store'

/** A village laptop's 1366×768 screen less a 40 px taskbar, and a monitor to its right. */
const LAPTOP: Rect = { x: 0, y: 0, width: 1366, height: 728 }
const MONITOR: Rect = { x: 1366, y: 0, width: 1920, height: 1040 }
const sizing = MAIN_WINDOW_SIZING

describe('where the main window opens', () => {
  it('opens centred at the default size the first time, never larger than the screen', () => {
    expect(placeWindow(null, [LAPTOP], sizing)).toEqual({
      bounds: { width: 1280, height: 728 },
      maximized: false,
    })
  })

  it('goes back where it was when that is still on a screen', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: true }
    expect(placeWindow(saved, [LAPTOP, MONITOR], sizing)).toEqual(saved)
  })

  it('moves back onto the primary screen when its monitor was unplugged', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: false }
    expect(placeWindow(saved, [LAPTOP], sizing)).toEqual({
      bounds: { width: 1280, height: 728 },
      maximized: false,
    })
  })

  it('is pulled in and shrunk to fit the screen it mostly is on', () => {
    const saved = { bounds: { x: -200, y: 600, width: 1600, height: 900 }, maximized: false }
    expect(placeWindow(saved, [LAPTOP], sizing)).toEqual({
      bounds: { x: 0, y: 0, width: 1366, height: 728 },
      maximized: false,
    })
  })

  it('always lies wholly on one screen and keeps the minimum size the screen allows', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 5000 }),
      height: fc.integer({ min: 1, max: 5000 }),
    })
    fc.assert(
      fc.property(
        rect,
        fc.boolean(),
        fc.array(rect, { minLength: 1, maxLength: 3 }),
        (bounds, maximized, screens) => {
          const placed = placeWindow({ bounds, maximized }, screens, sizing)
          const { x, y, width, height } = placed.bounds
          if (x === undefined || y === undefined) {
            // Centred on the primary screen.
            expect(width).toBeLessThanOrEqual(Math.max(screens[0]!.width, 1))
            return
          }
          const on = screens.find(
            (s) =>
              x >= s.x && y >= s.y && x + width <= s.x + s.width && y + height <= s.y + s.height,
          )
          expect(on).toBeDefined()
          if (on) {
            expect(width).toBe(Math.min(Math.max(bounds.width, sizing.minWidth), on.width))
            expect(height).toBe(Math.min(Math.max(bounds.height, sizing.minHeight), on.height))
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('the remembered window state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'langso-window-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is written to the data folder and read back', () => {
    const file = windowStateFile(dir)
    expect(file).toBe(join(dir, 'window-state.json'))
    expect(readWindowState(file)).toBeNull()
    const state = windowStateOf({ x: 10.4, y: 20.6, width: 1100.2, height: 700 }, true)
    writeWindowState(file, state)
    expect(readWindowState(file)).toEqual({
      bounds: { x: 10, y: 21, width: 1100, height: 700 },
      maximized: true,
    })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state)
  })

  it('counts as nothing remembered when the file is damaged', () => {
    const file = windowStateFile(dir)
    writeFileSync(file, '{"bounds":{"x":1')
    expect(readWindowState(file)).toBeNull()
    expect(
      parseWindowState('{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}'),
    ).toBeNull()
    expect(parseWindowState(null)).toBeNull()
  })
})
