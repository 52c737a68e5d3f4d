import type { DesktopApi } from '../../../shared/api/desktop-api'
import {
  type IpcCall,
  type IpcInput,
  type IpcOutput,
  ipcContract,
} from '../../../shared/api/ipc.contract'
import type { Result } from '../../../shared/result'
import { CallFailedError } from '../../common/errors/error.messages'
// Declares window.api for every project that compiles this client (web and node tests).
import './window-api'

/** One bridge function seen without its per-call types (the contract restores them). */
type UntypedCall = (input: unknown) => Promise<Result<unknown>>

/**
 * Calls the main process through `window.api` and unwraps its Result: the data, checked
 * against the contract's output schema, or a CallFailedError carrying the reason code the
 * screens translate.
 */
export async function callMain<N extends IpcCall>(
  name: N,
  input: IpcInput<N>,
  api: DesktopApi = window.api,
): Promise<IpcOutput<N>> {
  const call = api[name] as UntypedCall
  const result = await call(input)
  if (!result.ok) throw new CallFailedError(result.error.code, result.error.message)
  const output = ipcContract[name].output.safeParse(result.data)
  if (!output.success) throw new CallFailedError('bad_response', `${name}: unexpected data`)
  return output.data as IpcOutput<N>
}
