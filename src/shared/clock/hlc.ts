import { z } from 'zod'
import type { Clock } from './clock'

/**
 * Hybrid logical clock (Kulkarni et al., 2014). A stamp orders events across devices even
 * when their wall clocks disagree: it never goes backwards on one device, and after a
 * device has seen another's stamp its next stamp sorts after it.
 *
 * Stamps are fixed-width strings so that plain string comparison (in SQL too) is the
 * causal order: `<15-digit ms>-<5-digit counter>-<node>`, e.g.
 * `001764057600000-00000-0190e6b2c3d47a9b`.
 */
export const hlcStampSchema = z
  .string()
  .regex(/^\d{15}-\d{5}-[0-9a-f]{16}$/, 'not a hybrid logical clock stamp')
export type HlcStamp = z.infer<typeof hlcStampSchema>

export interface HlcParts {
  ms: number
  counter: number
  node: string
}

/** Largest forward jump accepted from a remote stamp; a clock years ahead must not poison ours. */
export const MAX_DRIFT_MS = 24 * 3600_000
const MAX_COUNTER = 99_999

export class HlcError extends Error {
  constructor(
    readonly code: 'hlc_drift' | 'hlc_overflow' | 'hlc_invalid',
    message: string,
  ) {
    super(message)
    this.name = 'HlcError'
  }
}

export function formatHlc({ ms, counter, node }: HlcParts): HlcStamp {
  return `${String(ms).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${node}`
}

export function parseHlc(stamp: string): HlcParts {
  if (!hlcStampSchema.safeParse(stamp).success) {
    throw new HlcError('hlc_invalid', 'not a hybrid logical clock stamp')
  }
  const [ms, counter, node] = stamp.split('-') as [string, string, string]
  return { ms: Number(ms), counter: Number(counter), node }
}

/** Derives the 16-hex-digit node part of stamps from a device id (a UUID). */
export function hlcNodeFromId(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase()
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new HlcError('hlc_invalid', 'node id must be a UUID')
  return hex.slice(-16)
}

/** One device's hybrid logical clock. Persist `last` to continue after a restart. */
export class HybridLogicalClock {
  private last: HlcParts

  constructor(
    private readonly clock: Clock,
    readonly node: string,
    last?: HlcStamp | null,
  ) {
    this.last = last ? parseHlc(last) : { ms: 0, counter: 0, node }
  }

  /** A new stamp for a local event, later than every stamp this clock has made or seen. */
  now(): HlcStamp {
    const wall = this.clock.now()
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0, node: this.node }
    else this.last = this.bump(this.last.ms, this.last.counter + 1)
    return formatHlc(this.last)
  }

  /** Merges a stamp received from another device; returns the stamp for the receive event. */
  receive(remote: HlcStamp): HlcStamp {
    const other = parseHlc(remote)
    const wall = this.clock.now()
    if (other.ms - wall > MAX_DRIFT_MS) {
      throw new HlcError('hlc_drift', 'remote clock is too far ahead')
    }
    const ms = Math.max(wall, this.last.ms, other.ms)
    let counter = 0
    if (ms === this.last.ms && ms === other.ms)
      counter = Math.max(this.last.counter, other.counter) + 1
    else if (ms === this.last.ms) counter = this.last.counter + 1
    else if (ms === other.ms) counter = other.counter + 1
    this.last = this.bump(ms, counter)
    return formatHlc(this.last)
  }

  /** The latest stamp made or seen, for persisting. */
  get lastStamp(): HlcStamp {
    return formatHlc(this.last)
  }

  private bump(ms: number, counter: number): HlcParts {
    if (counter > MAX_COUNTER)
      throw new HlcError('hlc_overflow', 'too many events in one millisecond')
    return { ms, counter, node: this.node }
  }
}
