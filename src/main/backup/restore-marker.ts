import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import {
  backupFileNameSchema,
  type LastRestore,
  lastRestoreSchema,
} from '../../shared/api/ipc/backup.contract'

/** A restore chosen in settings, waiting for the next start (when the store is closed). */
export const restoreMarkerSchema = z.object({
  fileName: backupFileNameSchema,
  stagedAt: z.string(),
  /** How many households and drafts the person accepted to lose (for the log). */
  acceptedLoss: z.object({ households: z.number().int(), drafts: z.number().int() }),
})
export type RestoreMarker = z.infer<typeof restoreMarkerSchema>

/** The staged restore, or null when none is waiting (or the marker is unreadable). */
export function readRestoreMarker(file: string): RestoreMarker | null {
  return readJson(file, restoreMarkerSchema)
}

export function writeRestoreMarker(file: string, marker: RestoreMarker): void {
  writeJsonAtomically(file, marker)
}

export function clearRestoreMarker(file: string): void {
  rmSync(file, { force: true })
}

/** How the last restore went; null before the first. */
export function readLastRestore(file: string): LastRestore | null {
  return readJson(file, lastRestoreSchema)
}

export function writeLastRestore(file: string, outcome: LastRestore): void {
  writeJsonAtomically(file, outcome)
}

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Written beside and renamed into place: a crash leaves the old file or the new, never half. */
function writeJsonAtomically(file: string, value: unknown): void {
  const temp = `${file}.tmp`
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`)
  renameSync(temp, file)
}
