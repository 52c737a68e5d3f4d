import { z } from 'zod'

/** A rectangle on the virtual screen, in device-independent pixels. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** What is remembered of the main window between starts. */
export const windowStateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof windowStateSchema>

/** The window's size limits and the size it opens at the first time. */
export interface WindowSizing {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** Where to open the window: position omitted means "centre it" (Electron's default). */
export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number }
  maximized: boolean
}

/**
 * How much of the remembered window must still be on a screen for it to go back there:
 * enough of its title bar to grab it. Less (a monitor was unplugged, the resolution
 * dropped) and it opens centred on the primary screen instead.
 */
const MIN_VISIBLE = { width: 120, height: 40 }

/**
 * Where to open the main window: where it was last time, moved and shrunk as needed to lie
 * wholly inside the work area of the screen it mostly was on; centred at the default size
 * (never larger than the primary screen) when nothing was remembered or its screen is gone.
 * `workAreas[0]` is the primary screen's work area.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  sizing: WindowSizing,
): WindowPlacement {
  const primary = workAreas[0]
  const fallback = (maximized: boolean): WindowPlacement => ({
    bounds: {
      width: primary ? sizeWithin(sizing.width, sizing.minWidth, primary.width) : sizing.width,
      height: primary ? sizeWithin(sizing.height, sizing.minHeight, primary.height) : sizing.height,
    },
    maximized,
  })
  if (!saved) return fallback(false)
  let best: Rect | null = null
  let bestArea = 0
  for (const area of workAreas) {
    const overlap = intersection(saved.bounds, area)
    if (overlap && overlap.width * overlap.height > bestArea) {
      best = area
      bestArea = overlap.width * overlap.height
    }
  }
  const visible = best ? intersection(saved.bounds, best) : null
  if (
    !best ||
    !visible ||
    visible.width < Math.min(MIN_VISIBLE.width, saved.bounds.width) ||
    visible.height < Math.min(MIN_VISIBLE.height, saved.bounds.height)
  ) {
    return fallback(saved.maximized)
  }
  const width = sizeWithin(saved.bounds.width, sizing.minWidth, best.width)
  const height = sizeWithin(saved.bounds.height, sizing.minHeight, best.height)
  return {
    bounds: {
      x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  }
}

/** Reads a remembered state; anything unreadable counts as nothing remembered. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The state to remember: the normal (not maximized) bounds, rounded, and whether maximized. */
export function windowStateOf(normalBounds: Rect, maximized: boolean): WindowState {
  return {
    bounds: {
      x: Math.round(normalBounds.x),
      y: Math.round(normalBounds.y),
      width: Math.max(1, Math.round(normalBounds.width)),
      height: Math.max(1, Math.round(normalBounds.height)),
    },
    maximized,
  }
}

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

/** `size` within [min, available]; a screen smaller than the minimum wins over the minimum. */
function sizeWithin(size: number, min: number, available: number): number {
  return Math.min(Math.max(size, min), available)
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}
