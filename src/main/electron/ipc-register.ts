import { ipcMain } from 'electron'
import { IPC_CHANNEL } from '../../shared/api/desktop-api'
import { fail, type Result } from '../../shared/result'
import type { MainContext } from '../context'
import { dispatch } from '../ipc/ipc.dispatch'
import { isTrustedRendererUrl, type RendererLocation } from './renderer-location'

/**
 * Registers the one IPC channel. Only our renderer's top frame may call; the call name and
 * input are then checked against the contract by `dispatch`.
 */
export function registerIpc(ctx: MainContext, renderer: RendererLocation): void {
  ipcMain.handle(
    IPC_CHANNEL,
    async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame
      if (!frame || frame.parent !== null || !isTrustedRendererUrl(frame.url, renderer)) {
        ctx.log.error('ipc_untrusted_sender')
        return fail('untrusted_sender', 'calls are accepted only from the app window')
      }
      return dispatch(ctx, typeof name === 'string' ? name : '', input)
    },
  )
}
