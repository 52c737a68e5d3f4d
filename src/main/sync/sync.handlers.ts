import type { ParsedInput } from '../../shared/api/contract'
import type { IpcContract } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { exportBatchFile, getSyncStatus, runSync, setServerUrl } from './sync.service'

/** sync.status: counts of pending, sent and rejected revisions, server and last sync. */
export const syncStatusHandler = (ctx: MainContext) => getSyncStatus(ctx)

/** sync.setServerUrl: remember the provincial server's address. */
export const setServerUrlHandler = (
  ctx: MainContext,
  input: ParsedInput<IpcContract, 'sync.setServerUrl'>,
) => setServerUrl(ctx, input.serverUrl)

/** sync.run: send everything pending; safe to press twice. */
export const runSyncHandler = (ctx: MainContext) => runSync(ctx)

/** sync.exportBatchFile: seal the pending work into one file for a USB stick. */
export const exportBatchFileHandler = (ctx: MainContext) => exportBatchFile(ctx)
