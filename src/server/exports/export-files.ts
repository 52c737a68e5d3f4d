import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ServerContext } from '../server-context'
import { ExportsUnavailableError } from './export-errors'

/** Folder of the export files, under the server's data folder. */
export function exportsRoot(ctx: Pick<ServerContext, 'dataDir'>): string {
  if (!ctx.dataDir) throw new ExportsUnavailableError()
  return path.join(ctx.dataDir, 'exports')
}

/** The folder of one job's files (job ids are UUIDs, never user text). */
export function jobDir(ctx: Pick<ServerContext, 'dataDir'>, jobId: string): string {
  return path.join(exportsRoot(ctx), jobId)
}

/** Makes a job's folder, empty. */
export async function makeJobDir(
  ctx: Pick<ServerContext, 'dataDir'>,
  jobId: string,
): Promise<string> {
  const dir = jobDir(ctx, jobId)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  return dir
}

/** Deletes a job's folder and everything in it (nothing when absent). */
export async function removeJobDir(
  ctx: Pick<ServerContext, 'dataDir'>,
  jobId: string,
): Promise<void> {
  if (!ctx.dataDir) return
  await rm(jobDir(ctx, jobId), { recursive: true, force: true })
}
