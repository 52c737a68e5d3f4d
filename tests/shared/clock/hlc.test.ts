import { describe, expect, it } from 'vitest'
import { ManualClock, vietnamDate } from '../../../src/shared/clock/clock'
import {
  HlcError,
  HybridLogicalClock,
  hlcNodeFromId,
  MAX_DRIFT_MS,
  parseHlc,
} from '../../../src/shared/clock/hlc'

const NODE_A = hlcNodeFromId('0190e6b2-c3d4-7a9b-8c0d-1e2f3a4b5c6d')
const NODE_B = hlcNodeFromId('0190e6b2-c3d4-7a9b-8c0d-ffffffffffff')

describe('HybridLogicalClock', () => {
  it('follows the wall clock when it moves forward', () => {
    const wall = new ManualClock(1_000)
    const hlc = new HybridLogicalClock(wall, NODE_A)
    expect(parseHlc(hlc.now())).toEqual({ ms: 1_000, counter: 0, node: NODE_A })
    wall.set(2_000)
    expect(parseHlc(hlc.now())).toEqual({ ms: 2_000, counter: 0, node: NODE_A })
  })

  it('never goes backwards when the wall clock does', () => {
    const wall = new ManualClock(5_000)
    const hlc = new HybridLogicalClock(wall, NODE_A)
    const first = hlc.now()
    wall.set(1_000)
    const second = hlc.now()
    expect(second > first).toBe(true)
    expect(parseHlc(second)).toEqual({ ms: 5_000, counter: 1, node: NODE_A })
  })

  it('orders a local event after a received remote stamp', () => {
    const a = new HybridLogicalClock(new ManualClock(10_000), NODE_A)
    const b = new HybridLogicalClock(new ManualClock(1_000), NODE_B)
    const remote = a.now()
    b.receive(remote)
    expect(b.now() > remote).toBe(true)
  })

  it('continues from a persisted stamp after a restart', () => {
    const wall = new ManualClock(3_000)
    const before = new HybridLogicalClock(wall, NODE_A)
    before.now()
    const last = before.now()
    const after = new HybridLogicalClock(wall, NODE_A, before.lastStamp)
    expect(after.now() > last).toBe(true)
  })

  it('refuses remote stamps too far in the future', () => {
    const far = new HybridLogicalClock(new ManualClock(MAX_DRIFT_MS * 10), NODE_B).now()
    const local = new HybridLogicalClock(new ManualClock(1_000), NODE_A)
    expect(() => local.receive(far)).toThrow(HlcError)
  })

  it('sorts as strings in causal order', () => {
    const wall = new ManualClock(999)
    const hlc = new HybridLogicalClock(wall, NODE_A)
    const stamps = [hlc.now(), hlc.now()]
    wall.set(1_000_000)
    stamps.push(hlc.now())
    expect([...stamps].sort()).toEqual(stamps)
  })

  it('rejects malformed stamps and node ids', () => {
    expect(() => parseHlc('yesterday')).toThrow(HlcError)
    expect(() => hlcNodeFromId('not-a-uuid')).toThrow(HlcError)
  })
})

describe('vietnamDate', () => {
  it('uses UTC+7', () => {
    expect(vietnamDate(Date.UTC(2026, 0, 1, 18, 0))).toBe('2026-01-02')
    expect(vietnamDate(Date.UTC(2026, 0, 1, 16, 59))).toBe('2026-01-01')
  })
})
