import type { EventEmitter } from 'node:events'
import type { Writable } from 'node:stream'
import type { ExportFileKind, ExportPhase } from '../../shared/api/http.contract'
import type { ExportPlan } from './export-plan'
import type { ExportHousehold } from './export-source'

/** How far a writer got, reported after every chunk. */
export interface WriteProgress {
  phase: ExportPhase
  householdsWritten: number
  membersWritten: number
  /** Members to copy into the member sheets (XLSX), known once the households are written. */
  membersTotal: number | null
}

/** A line of the workbook's "Thông tin" sheet (what the export holds, who made it). */
export interface AboutLine {
  label: string
  value: string | number
}

/** What a writer is given. */
export interface WriteInput {
  plan: ExportPlan
  /** The households, chunk by chunk (see householdChunks). */
  chunks: AsyncIterable<ExportHousehold[]>
  /** The job's own folder; the writer leaves only its finished files there. */
  dir: string
  /** File name without extension (ASCII). */
  baseName: string
  onProgress(progress: WriteProgress): Promise<void>
  /** Stops the writer between chunks (the export was deleted). */
  signal?: AbortSignal
  about: readonly AboutLine[]
}

/** A finished file of an export. */
export interface WrittenFile {
  kind: ExportFileKind
  name: string
  bytes: number
}

/**
 * Writes to a Node stream and waits while its buffer is full, so a fast reader never piles
 * a whole export up in memory in front of a slower disk or compressor.
 */
export async function writeWithBackpressure(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await drained(stream)
}

/**
 * Resolves once a stream that took more than its buffer has passed it on ('drain'); rejects
 * if it fails first. Both listeners go once either fires, so a long export does not pile
 * listeners up.
 */
export function drained(stream: Pick<EventEmitter, 'once' | 'off'>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      stream.off('error', failed)
      resolve()
    }
    const failed = (error: unknown) => {
      stream.off('drain', done)
      reject(error)
    }
    stream.once('drain', done)
    stream.once('error', failed)
  })
}

/** Ends a stream and waits until everything is flushed (or it failed). */
export async function endStream(stream: Writable): Promise<void> {
  if (stream.writableFinished) return
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve)
    stream.once('error', reject)
  })
  stream.end()
  await finished
}
