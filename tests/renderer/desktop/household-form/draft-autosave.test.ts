import { describe, expect, it } from 'vitest'
import { CallFailedError } from '../../../../src/renderer/common/errors/error.messages'
import {
  type AutosaveState,
  DraftAutosave,
  type DraftSnapshot,
} from '../../../../src/renderer/desktop/household-form/draft-autosave'

/** Timers run by hand: `tick` fires every timer due, in order. */
class ManualTimers {
  private now = 0
  private queue: { at: number; fn: () => void; id: number }[] = []
  private next = 1
  set = (fn: () => void, ms: number): unknown => {
    const id = this.next++
    this.queue.push({ at: this.now + ms, fn, id })
    return id
  }
  clear = (handle: unknown) => {
    this.queue = this.queue.filter((t) => t.id !== handle)
  }
  tick(ms: number) {
    this.now += ms
    const due = this.queue.filter((t) => t.at <= this.now).sort((a, b) => a.at - b.at)
    this.queue = this.queue.filter((t) => t.at > this.now)
    for (const t of due) t.fn()
  }
}

/** A save function that records each write and resolves or fails on demand. */
function recordingSave() {
  const writes: { snapshot: DraftSnapshot; resolve: () => void; reject: (e: Error) => void }[] = []
  const save = (snapshot: DraftSnapshot) =>
    new Promise<{ updatedAt: string }>((resolve, reject) => {
      writes.push({
        snapshot,
        resolve: () => resolve({ updatedAt: `2025-11-24T03:00:0${writes.length}Z` }),
        reject,
      })
    })
  return { writes, save }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const snap = (name: string): DraftSnapshot => ({
  response: { answers: { head_name: name }, repeats: {} },
  cursor: { sectionId: 'household', questionId: 'head_name' },
})

describe('DraftAutosave', () => {
  it('writes once after a pause in typing, with the latest state', async () => {
    const timers = new ManualTimers()
    const { writes, save } = recordingSave()
    const states: AutosaveState[] = []
    const autosave = new DraftAutosave({
      save,
      onState: (s) => states.push(s),
      delayMs: 250,
      timers,
    })
    autosave.change(snap('N'))
    timers.tick(100)
    autosave.change(snap('Ng'))
    timers.tick(100)
    autosave.change(snap('Ngu'))
    expect(writes).toHaveLength(0)
    timers.tick(250)
    expect(writes.map((w) => w.snapshot.response.answers.head_name)).toEqual(['Ngu'])
    writes[0]?.resolve()
    await settle()
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2025-11-24T03:00:01Z' })
    expect(autosave.hasUnsaved()).toBe(false)
  })

  it('never has two writes in flight and never writes an older state after a newer one', async () => {
    const timers = new ManualTimers()
    const { writes, save } = recordingSave()
    const autosave = new DraftAutosave({ save, onState: () => undefined, delayMs: 250, timers })
    autosave.change(snap('A'))
    timers.tick(250)
    autosave.change(snap('AB'))
    autosave.change(snap('ABC'))
    timers.tick(250)
    expect(writes).toHaveLength(1) // the first is still in flight
    writes[0]?.resolve()
    await settle()
    timers.tick(250)
    expect(writes.map((w) => w.snapshot.response.answers.head_name)).toEqual(['A', 'ABC'])
  })

  it('flush writes at once and waits until everything is saved', async () => {
    const timers = new ManualTimers()
    const { writes, save } = recordingSave()
    const autosave = new DraftAutosave({ save, onState: () => undefined, delayMs: 250, timers })
    autosave.change(snap('Lan'))
    const flushed = autosave.flush()
    expect(writes).toHaveLength(1)
    let done = false
    void flushed.then(() => {
      done = true
    })
    await settle()
    expect(done).toBe(false)
    writes[0]?.resolve()
    await flushed
    expect(autosave.hasUnsaved()).toBe(false)
  })

  it('keeps a failed write, reports it, and retries it', async () => {
    const timers = new ManualTimers()
    const { writes, save } = recordingSave()
    const states: AutosaveState[] = []
    const autosave = new DraftAutosave({
      save,
      onState: (s) => states.push(s),
      delayMs: 250,
      retryMs: 3000,
      timers,
    })
    autosave.change(snap('Mai'))
    timers.tick(250)
    writes[0]?.reject(new CallFailedError('internal', 'disk full'))
    await settle()
    expect(states.at(-1)).toEqual({ kind: 'failed', code: 'internal' })
    expect(autosave.hasUnsaved()).toBe(true)
    timers.tick(3000)
    expect(writes).toHaveLength(2)
    expect(writes[1]?.snapshot.response.answers.head_name).toBe('Mai')
    writes[1]?.resolve()
    await settle()
    expect(states.at(-1)?.kind).toBe('saved')
  })

  it('flush rejects with the failure when the write keeps failing', async () => {
    const { writes, save } = recordingSave()
    const autosave = new DraftAutosave({
      save,
      onState: () => undefined,
      timers: new ManualTimers(),
    })
    autosave.change(snap('X'))
    const flushed = autosave.flush()
    writes[0]?.reject(new CallFailedError('not_found', 'draft gone'))
    await expect(flushed).rejects.toMatchObject({ code: 'not_found' })
  })
})
