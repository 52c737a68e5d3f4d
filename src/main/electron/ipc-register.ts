import { ipcMain } from 'electron'
import { IPC_CHANNEL } from '../../shared/api/desktop-api'
import { fail, type Result } from '../../shared/result'
import { dispatchLogged } from '../app/call-log'
import type { MainContext } from '../context'
import type { RendererLocation } from './renderer-location'
import { ipcSenderAllowed } from './web-guards'

/**
 * Registers the one IPC channel. Every call is checked first: only our renderer's top
 * frame may call (ipcSenderAllowed); the call name and input are then checked against the
 * contract by `dispatch`, and the outcome logged (call-log).
 */
export function registerIpc(ctx: () => MainContext | null, renderer: RendererLocation): void {
  ipcMain.handle(
    IPC_CHANNEL,
    async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
      const current = ctx()
      if (!current) return fail('closing', 'the app is closing')
      const frame = event.senderFrame
      const sender = { frameUrl: frame?.url ?? null, isTopFrame: !!frame && frame.parent === null }
      if (!ipcSenderAllowed(sender, renderer)) {
        current.log.error('ipc_untrusted_sender')
        return fail('untrusted_sender', 'calls are accepted only from the app window')
      }
      return dispatchLogged(current, typeof name === 'string' ? name : '', input)
    },
  )
}
