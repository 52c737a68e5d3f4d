import { readFileSync, statfsSync, statSync } from 'node:fs'
import { arch, homedir, platform, release, totalmem } from 'node:os'
import { basename } from 'node:path'
import type { DiagnosticsBundle } from '../../shared/api/ipc/diagnostics.contract'
import { appShell } from '../app/app-shell'
import { dataFolderOfDb } from '../app/data-folder'
import { logFiles } from '../app/file-logger'
import { type KnownPath, redactEvent, redactFields, scrubText } from '../app/log-redaction'
import type { LogFields } from '../app/logger'
import { listBackups } from '../backup/backup-files'
import type { MainContext } from '../context'
import { localPlaces } from '../places/village-catalog'
import { getSetting } from '../settings/settings.repository'
import { readLastRun } from '../sync/sync-progress'
import { databaseStats } from './database-stats'
import { zipArchive } from './zip-archive'

/** Largest part of one log file put in a bundle (the newest lines). */
const MAX_LOG_BYTES = 2 * 1024 * 1024

/**
 * The support bundle: `diagnostics.json` (app and runtime versions, operating system, free
 * disk, the store's statistics, sync counters, the backups kept) and the log files, in one
 * ZIP. Numbers, codes and ids only: no record, name, phone, citizen id or answer. The logs
 * are redacted when written and once more here, line by line, so a line written by an
 * older version is held to today's rules.
 */
export async function buildDiagnosticsBundle(ctx: MainContext): Promise<DiagnosticsBundle> {
  const folder = await dataFolderOfDb(ctx.db)
  const now = ctx.clock.now()
  const paths: KnownPath[] = [
    { path: folder.dataDir, label: '<data>' },
    { path: homedir(), label: '~' },
  ]
  const lastRun = await readLastRun(ctx.db).catch(() => null)
  const places = await localPlaces(ctx.db).catch(() => null)
  const serverUrl = await getSetting(ctx.db, 'server_url')
  const report = {
    generatedAt: new Date(now).toISOString(),
    app: { version: appShell().version, versions: runtimeVersions() },
    system: {
      platform: platform(),
      arch: arch(),
      release: release(),
      totalMemoryBytes: totalmem(),
      freeDiskBytes: freeDisk(folder.dataDir),
    },
    device: {
      deviceId: ctx.deviceId,
      enrolled: (await getSetting(ctx.db, 'device_enrolment')) !== null,
      communeCode: places?.commune.code ?? null,
      serverOrigin: serverUrl ? safeOrigin(serverUrl) : null,
    },
    sync: {
      lastSyncAt: await getSetting(ctx.db, 'last_sync_at'),
      lastRun: lastRun
        ? {
            finishedAt: lastRun.finishedAt,
            result: lastRun.result,
            errorCode: lastRun.errorCode,
            report: lastRun.report,
          }
        : null,
    },
    database: await databaseStats(ctx.db, folder.dbFile),
    backups: listBackups(folder.backupsDir).map(({ fileName, bytes }) => ({ fileName, bytes })),
    logs: logFiles(folder.logsDir).map((file) => ({
      file: basename(file),
      bytes: statSync(file).size,
    })),
  }
  const entries = [
    {
      name: 'diagnostics.json',
      data: Buffer.from(`${JSON.stringify(report, null, 2)}\n`),
      modifiedMs: now,
    },
    ...logFiles(folder.logsDir).map((file) => ({
      name: `logs/${basename(file)}`,
      data: Buffer.from(redactLogText(readTail(file), paths)),
      modifiedMs: statSync(file).mtimeMs,
    })),
  ]
  const archive = zipArchive(entries)
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  ctx.log.info('diagnostics_exported', { files: entries.length, bytes: archive.length })
  return {
    fileName: `langso-diagnostics-${stamp}.zip`,
    bytesBase64: archive.toString('base64'),
    bytes: archive.length,
    entries: entries.map((entry) => entry.name),
  }
}

/**
 * Log text redacted again line by line: a JSON line keeps its time and level and has its
 * event and fields redacted; anything else is scrubbed as text.
 */
export function redactLogText(text: string, paths: readonly KnownPath[] = []): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const { at, level, event, ...fields } = JSON.parse(line) as Record<string, unknown>
        const flat: LogFields = {}
        for (const [key, value] of Object.entries(fields)) {
          flat[key] = isScalar(value) ? value : '[text]'
        }
        return JSON.stringify({
          at: typeof at === 'string' ? scrubText(at) : null,
          level: level === 'error' ? 'error' : 'info',
          event: redactEvent(typeof event === 'string' ? event : ''),
          ...redactFields(flat, paths),
        })
      } catch {
        return scrubText(line, paths)
      }
    })
    .join('\n')
    .concat('\n')
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

function readTail(file: string): string {
  const data = readFileSync(file)
  if (data.length <= MAX_LOG_BYTES) return data.toString('utf8')
  const tail = data.subarray(data.length - MAX_LOG_BYTES).toString('utf8')
  // Drop the first, cut line.
  return tail.slice(tail.indexOf('\n') + 1)
}

function runtimeVersions(): Record<string, string> {
  const wanted = ['electron', 'chrome', 'node', 'v8', 'modules']
  const versions: Record<string, string> = {}
  for (const name of wanted) {
    const version = (process.versions as Record<string, string | undefined>)[name]
    if (version) versions[name] = version
  }
  return versions
}

function freeDisk(dir: string): number | null {
  try {
    const stats = statfsSync(dir)
    return stats.bavail * stats.bsize
  } catch {
    return null
  }
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}
