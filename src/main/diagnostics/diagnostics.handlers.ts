import type { IpcOutput } from '../../shared/api/ipc.contract'
import type { MainContext } from '../context'
import { buildDiagnosticsBundle } from './diagnostics.service'

/** diagnostics.export: the support bundle's bytes, for the page to save where the person chooses. */
export const exportDiagnosticsHandler = (
  ctx: MainContext,
): Promise<IpcOutput<'diagnostics.export'>> => buildDiagnosticsBundle(ctx)
