import type { SyncReport } from '../../shared/api/ipc/sync.contract'
import type { IpcCall } from '../../shared/api/ipc.contract'
import type { Result } from '../../shared/result'
import type { MainContext } from '../context'
import { dispatch } from '../ipc/ipc.dispatch'
import type { LogFields } from './logger'

/**
 * Calls whose outcome is always logged: syncing and its files, enrolment, backups and
 * diagnostics — what support asks about. Everyday calls (lists, drafts saved on every
 * keystroke) are logged only when they fail.
 */
const LOGGED_CALLS: ReadonlySet<IpcCall> = new Set<IpcCall>([
  'sync.run',
  'sync.setServerUrl',
  'sync.exportBatchFile',
  'sync.importReceiptFile',
  'device.enrolWithCode',
  'device.enrolWithFile',
  'backup.create',
  'backup.previewRestore',
  'backup.restore',
  'diagnostics.export',
])

/**
 * Runs one IPC call through `dispatch` and logs its outcome: the call name, ok or the
 * reason code, how long it took and, for a sync, the report's counters. Never the input or
 * the output: they hold personal data. An unexpected failure (`internal`) is an error
 * event; an expected one (a refused code, a missing record) is informational.
 */
export async function dispatchLogged(
  ctx: MainContext,
  name: string,
  input: unknown,
  now: () => number = () => performance.now(),
): Promise<Result<unknown>> {
  const started = now()
  const result = await dispatch(ctx, name, input)
  const ms = Math.round(now() - started)
  const call = LOGGED_CALLS.has(name as IpcCall) ? name : null
  if (!result.ok) {
    const code = result.error.code
    const [event, fields]: [string, LogFields] =
      name === 'sync.run'
        ? ['sync_run', { ok: false, code, ms }]
        : ['call_failed', { call: call ?? safeCallName(name), code, ms }]
    if (code === 'internal') ctx.log.error(event, fields)
    else ctx.log.info(event, fields)
  } else if (name === 'sync.run') {
    ctx.log.info('sync_run', { ok: true, ms, ...reportFields(result.data as SyncReport) })
  } else if (call) {
    ctx.log.info('call_done', { call, ms })
  }
  return result
}

/** A sync report as log fields: counters only. */
function reportFields(report: SyncReport): LogFields {
  return {
    batches: report.batches,
    sent: report.sent,
    accepted: report.accepted,
    duplicate: report.duplicate,
    rejected: report.rejected,
    pulledHouseholds: report.pulled.households,
    keptLocal: report.pulled.skipped,
    pulledVillages: report.pulled.villages,
  }
}

/** The call name if it looks like one (it comes from the renderer), else a placeholder. */
function safeCallName(name: string): string {
  return /^[a-z]+\.[A-Za-z]+$/.test(name) && name.length <= 64 ? name : 'unknown'
}
