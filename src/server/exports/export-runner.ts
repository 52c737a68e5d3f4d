import type { Kysely } from 'kysely'
import type { ExportFilter, ExportFormat } from '../../shared/api/http.contract'
import { AppError } from '../../shared/result'
import type { ServerContext } from '../server-context'
import type { ServerDatabase } from '../store/server-database.types'
import { writeCsvExport } from './csv-export.writer'
import { makeJobDir, removeJobDir } from './export-files'
import { updateExportJob } from './export-job.repository'
import { type ExportPlan, planExport } from './export-plan'
import { countHouseholds, householdChunks } from './export-source'
import type { AboutLine, WriteInput, WriteProgress, WrittenFile } from './export-writer'
import { writeXlsxExport } from './xlsx-export.writer'

/** Exports written at the same time by one server; the rest wait their turn. */
export const MAX_RUNNING_EXPORTS = 2

/** How long the files of a finished export stay downloadable. */
export const EXPORT_TTL_MS = 24 * 3600_000

/** What the runner needs to write one export. */
export interface ExportTask {
  id: string
  format: ExportFormat
  filter: ExportFilter
  baseName: string
  /** Lines of the workbook's "Thông tin" sheet that do not depend on the data. */
  about(plan: ExportPlan): AboutLine[]
}

interface Runner {
  queue: ExportTask[]
  running: Map<string, AbortController>
}

/**
 * The export writers of each store (one per running server). Jobs run in the server
 * process, at most MAX_RUNNING_EXPORTS at a time, in the order they were asked for; each
 * reads the store in small chunks, so requests keep being answered between them.
 */
const runners = new WeakMap<Kysely<ServerDatabase>, Runner>()

function runnerOf(db: Kysely<ServerDatabase>): Runner {
  let runner = runners.get(db)
  if (!runner) {
    runner = { queue: [], running: new Map() }
    runners.set(db, runner)
  }
  return runner
}

/** Queues an export; it starts as soon as a writer is free. */
export function enqueueExport(ctx: ServerContext, task: ExportTask): void {
  runnerOf(ctx.db).queue.push(task)
  startNext(ctx)
}

/** Whether this process has the job queued or running (else a silent job was interrupted). */
export function isExportActive(db: Kysely<ServerDatabase>, id: string): boolean {
  const runner = runnerOf(db)
  return runner.running.has(id) || runner.queue.some((task) => task.id === id)
}

/** Takes a job out of the queue, or stops it at its next chunk. */
export function cancelExport(db: Kysely<ServerDatabase>, id: string): void {
  const runner = runnerOf(db)
  runner.queue = runner.queue.filter((task) => task.id !== id)
  runner.running.get(id)?.abort()
}

function startNext(ctx: ServerContext): void {
  const runner = runnerOf(ctx.db)
  while (runner.running.size < MAX_RUNNING_EXPORTS) {
    const task = runner.queue.shift()
    if (!task) return
    const controller = new AbortController()
    runner.running.set(task.id, controller)
    void runExport(ctx, task, controller.signal).finally(() => {
      runner.running.delete(task.id)
      startNext(ctx)
    })
  }
}

/**
 * Writes one export to its folder and records how it went. Never throws: a failure is
 * recorded on the job (and its partial files removed); a stopped job was deleted.
 */
async function runExport(ctx: ServerContext, task: ExportTask, signal: AbortSignal): Promise<void> {
  const now = () => new Date(ctx.clock.now()).toISOString()
  try {
    // No phase until the households are counted: the console says it is getting ready.
    await updateExportJob(ctx.db, task.id, { status: 'running', updated_at: now() })
    const dir = await makeJobDir(ctx, task.id)
    const plan = await planExport(ctx.db, task.filter)
    const total = await countHouseholds(ctx.db, task.filter)
    await updateExportJob(ctx.db, task.id, {
      phase: 'households',
      households_total: total,
      updated_at: now(),
    })
    const input: WriteInput = {
      plan,
      chunks: householdChunks(ctx.db, task.filter),
      dir,
      baseName: task.baseName,
      signal,
      about: task.about(plan),
      onProgress: (progress: WriteProgress) =>
        updateExportJob(ctx.db, task.id, {
          phase: progress.phase,
          households_written: progress.householdsWritten,
          members_written: progress.membersWritten,
          ...(progress.membersTotal === null ? {} : { members_total: progress.membersTotal }),
          updated_at: now(),
        }),
    }
    const files: WrittenFile[] =
      task.format === 'xlsx' ? await writeXlsxExport(input) : await writeCsvExport(input)
    signal.throwIfAborted()
    const finished = ctx.clock.now()
    await updateExportJob(ctx.db, task.id, {
      status: 'done',
      phase: null,
      files_json: JSON.stringify(files),
      updated_at: new Date(finished).toISOString(),
      finished_at: new Date(finished).toISOString(),
      expires_at: new Date(finished + EXPORT_TTL_MS).toISOString(),
    })
  } catch (error) {
    await removeJobDir(ctx, task.id).catch(() => {})
    if (signal.aborted) return
    if (!(error instanceof AppError)) console.error(`Export ${task.id} failed:`, error)
    await updateExportJob(ctx.db, task.id, {
      status: 'failed',
      phase: null,
      error_code: error instanceof AppError ? error.code : 'internal',
      updated_at: now(),
      finished_at: now(),
    }).catch(() => {
      // The store is gone (the server is stopping): the job shows as interrupted later.
    })
  }
}
