import type { DraftCursor } from '../../../shared/api/ipc.contract'
import type { FormResponse } from '../../../shared/forms/form-response.schema'
import { errorCode } from '../../common/errors/error.messages'

/** What is written to the draft on every save: the whole response and where the person is. */
export interface DraftSnapshot {
  response: FormResponse
  cursor: DraftCursor | null
  /** Only a complete ISO date; a half-typed one is not sent. */
  visitDate?: string
  enumeratorId?: string | null
}

/** The quiet indicator's state: nothing yet, a change waiting or being written, saved, failed. */
export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; code: string }

export interface AutosaveOptions {
  /** Writes one snapshot (drafts.update); answers the time the main process saved it. */
  save: (snapshot: DraftSnapshot) => Promise<{ updatedAt: string }>
  onState: (state: AutosaveState) => void
  /** Quiet time after the last change before writing; the brief asks for ≤ 300 ms. */
  delayMs?: number
  /** After a failed write, try again this much later (a change or flush tries at once). */
  retryMs?: number
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void }
}

const realTimers = {
  set: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
  clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Saves a draft as it is typed without ever losing or reordering a keystroke: changes are
 * debounced, one write is in flight at a time, and only the latest snapshot is written
 * (each write carries the whole response, so skipping stale ones loses nothing). A failed
 * write keeps the snapshot and retries; `flush` writes at once and waits for it.
 */
export class DraftAutosave {
  private latest: DraftSnapshot | null = null
  private inFlight: Promise<void> | null = null
  private timer: unknown = null
  private readonly delayMs: number
  private readonly retryMs: number
  private readonly timers: NonNullable<AutosaveOptions['timers']>
  private disposed = false

  constructor(private readonly options: AutosaveOptions) {
    this.delayMs = options.delayMs ?? 250
    this.retryMs = options.retryMs ?? 3000
    this.timers = options.timers ?? realTimers
  }

  /** A new state of the draft: written after a short pause in typing. */
  change(snapshot: DraftSnapshot): void {
    if (this.disposed) return
    this.latest = snapshot
    this.options.onState({ kind: 'pending' })
    this.schedule(this.delayMs)
  }

  /** Whether a change has not been written yet. */
  hasUnsaved(): boolean {
    return this.latest !== null || this.inFlight !== null
  }

  /**
   * Writes what is waiting now and resolves when everything changed so far is saved.
   * Rejects with the failure's reason when the last write failed.
   */
  async flush(): Promise<void> {
    this.cancelTimer()
    while (this.inFlight || this.latest) {
      if (this.inFlight) {
        await this.inFlight
        continue
      }
      const failed = await this.writeLatest()
      if (failed) throw failed
    }
  }

  /** Stops timers; a write in flight still completes. */
  dispose(): void {
    this.disposed = true
    this.cancelTimer()
  }

  private schedule(ms: number): void {
    this.cancelTimer()
    this.timer = this.timers.set(() => {
      this.timer = null
      if (this.inFlight) return // the write in flight schedules the next one when done
      void this.writeLatest()
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
  }

  /** Writes the latest snapshot; answers the error when it failed (kept for a retry). */
  private async writeLatest(): Promise<Error | null> {
    const snapshot = this.latest
    if (!snapshot) return null
    this.latest = null
    let failure: Error | null = null
    const write = this.options.save(snapshot).then(
      ({ updatedAt }) => {
        if (!this.latest) this.options.onState({ kind: 'saved', at: updatedAt })
      },
      (error: unknown) => {
        // Keep the unsaved state unless a newer change already replaced it.
        this.latest ??= snapshot
        failure = error instanceof Error ? error : new Error(String(error))
        this.options.onState({ kind: 'failed', code: errorCode(error) })
      },
    )
    this.inFlight = write
    await write
    this.inFlight = null
    if (this.latest && !this.disposed) this.schedule(failure ? this.retryMs : this.delayMs)
    return failure
  }
}
