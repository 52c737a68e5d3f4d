import { readFile, stat } from 'node:fs/promises'
import os from 'node:os'
import type { Kysely } from 'kysely'
import type { Clock } from '../../shared/clock/clock'
import { BatchError, DEFAULT_BATCH_LIMITS } from '../../shared/sync/batch-codec.node.js'
import type { ServerConfig } from '../config/server-config'
import { loadOrCreateProvinceKeys } from '../keys/province-keys'
import type { ServerDatabase } from '../store/server-database.types'
import { importSealedBatch } from '../sync/sealed-import.service'
import { CliUsageError } from './cli-errors'
import type { CliIo } from './cli-io'

/**
 * `batch:import <file>`: imports a sealed batch file carried on a USB stick through the same
 * path as the console and HTTP uploads, and prints the receipt's counts. A refused file
 * throws (exit 1) with its reason code; importing the same file again changes nothing.
 */
export async function batchImportCommand(
  store: { db: Kysely<ServerDatabase>; clock: Clock },
  config: ServerConfig,
  file: string,
  io: CliIo,
): Promise<void> {
  const bytes = await readBatchFile(file)
  const ctx = {
    db: store.db,
    dialect: config.databaseUrl ? ('postgres' as const) : ('sqlite' as const),
    clock: store.clock,
    provinceKeys: await loadOrCreateProvinceKeys(config.dataDir, store.clock),
  }
  const { manifest, receipt, deviceEnrolment } = await importSealedBatch(ctx, bytes, 'file', {
    caller: { kind: 'anonymous' },
    actor: { kind: 'cli', id: null, name: osUser() },
  })
  io.out(`Đã nhập lô / Batch imported: ${receipt.batchId}`)
  io.out(`  Thiết bị / Device: ${manifest.deviceId}   Xã / Commune: ${manifest.communeCode}`)
  io.out(`  Giờ thiết bị / Device time: ${manifest.createdAt}`)
  io.out(`  Nhận mới / Accepted: ${receipt.accepted}`)
  io.out(`  Đã có / Duplicate: ${receipt.duplicate}`)
  io.out(`  Bị từ chối / Rejected: ${receipt.rejected}`)
  if (deviceEnrolment && deviceEnrolment.outcome !== 'retry') {
    io.out(
      `  Đã đăng ký máy từ tệp / Device registered from the file: ${deviceEnrolment.deviceName}`,
    )
  }
}

async function readBatchFile(file: string): Promise<Uint8Array> {
  let size: number
  try {
    size = (await stat(file)).size
  } catch (error) {
    throw new CliUsageError(
      `Không đọc được tệp / Cannot read the file ${file}: ${(error as Error).message}`,
    )
  }
  // Checked before reading, so a wrong (huge) file is not loaded into memory.
  if (size > DEFAULT_BATCH_LIMITS.maxFileBytes) {
    throw new BatchError('batch_too_large', `The file is ${size} bytes, larger than a batch can be`)
  }
  return readFile(file)
}

function osUser(): string | null {
  try {
    return os.userInfo().username
  } catch {
    return null
  }
}
