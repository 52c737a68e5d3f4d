import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  type BackupEntry,
  type BackupKind,
  backupFileNameSchema,
} from '../../shared/api/ipc/backup.contract'

/** How many backups of each kind are kept; the oldest beyond that are deleted. */
export const KEEP_BACKUPS: Readonly<Record<BackupKind, number>> = {
  auto: 7,
  manual: 10,
  'pre-restore': 3,
}

const NAME =
  /^langso-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-(\d{1,3}))?-(auto|manual|pre-restore)\.sqlite$/

/** A snapshot still being written: never listed, deleted when found later. */
export const PARTIAL_SUFFIX = '.partial'

/** `langso-20251124T023012Z-auto.sqlite`: UTC time (sorts by name), kind; `-n` if taken twice in a second. */
export function backupFileName(kind: BackupKind, atMs: number, n = 0): string {
  const stamp = new Date(atMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `langso-${stamp}${n > 0 ? `-${n}` : ''}-${kind}.sqlite`
}

/** What a backup's name says, or null for any other file. */
export function parseBackupFileName(
  fileName: string,
): { kind: BackupKind; createdAt: string; n: number } | null {
  const m = NAME.exec(fileName)
  if (!m || !backupFileNameSchema.safeParse(fileName).success) return null
  const [, y, mo, d, h, mi, s, n, kind] = m
  return {
    kind: kind as BackupKind,
    createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`,
    n: Number(n ?? 0),
  }
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const entries: (BackupEntry & { n: number })[] = []
  for (const fileName of names) {
    const parsed = parseBackupFileName(fileName)
    if (!parsed) continue
    let bytes: number
    try {
      bytes = statSync(join(dir, fileName)).size
    } catch {
      continue
    }
    entries.push({ fileName, kind: parsed.kind, createdAt: parsed.createdAt, bytes, n: parsed.n })
  }
  entries.sort((a, b) =>
    a.createdAt === b.createdAt ? b.n - a.n : a.createdAt < b.createdAt ? 1 : -1,
  )
  return entries.map(({ n: _n, ...entry }) => entry)
}

/** A free name for a new backup of `kind` taken at `atMs`. */
export function freeBackupFileName(dir: string, kind: BackupKind, atMs: number): string {
  for (let n = 0; n < 1000; n++) {
    const name = backupFileName(kind, atMs, n)
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, name + PARTIAL_SUFFIX))) return name
  }
  throw new Error('no free backup file name')
}

/** The backups to delete so that only the newest `keep[kind]` of each kind remain. */
export function backupsBeyondRetention(
  entries: readonly BackupEntry[],
  keep: Readonly<Record<BackupKind, number>> = KEEP_BACKUPS,
): BackupEntry[] {
  const seen: Record<BackupKind, number> = { auto: 0, manual: 0, 'pre-restore': 0 }
  const drop: BackupEntry[] = []
  // `entries` is newest first: the first keep[kind] of a kind stay.
  for (const entry of entries) {
    seen[entry.kind] += 1
    if (seen[entry.kind] > keep[entry.kind]) drop.push(entry)
  }
  return drop
}

/** Deletes the backups beyond retention and any snapshot left half-written by a crash. */
export function pruneBackups(
  dir: string,
  keep: Readonly<Record<BackupKind, number>> = KEEP_BACKUPS,
  protect: ReadonlySet<string> = new Set(),
): string[] {
  const removed: string[] = []
  for (const entry of backupsBeyondRetention(listBackups(dir), keep)) {
    if (protect.has(entry.fileName)) continue
    rmSync(join(dir, entry.fileName), { force: true })
    removed.push(entry.fileName)
  }
  let names: string[] = []
  try {
    names = readdirSync(dir)
  } catch {
    return removed
  }
  for (const name of names) {
    if (name.endsWith(PARTIAL_SUFFIX)) rmSync(join(dir, name), { force: true })
  }
  return removed
}
