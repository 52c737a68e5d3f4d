import type { Page } from 'playwright-core'
import type { MainContext } from '../../../src/main/context'
import { dispatch } from '../../../src/main/ipc/ipc.dispatch'
import { IPC_CALLS } from '../../../src/shared/api/ipc.contract'

/** The name of the page binding every bridged call goes through. */
const BINDING = '__langsoInvoke'

/**
 * Gives the page the same `window.api` the preload exposes in Electron: one async function
 * per IPC contract call, each running the real main-process dispatch in this Node process.
 * `currentContext` is read on every call, so a test can close and reopen the main context
 * (same database file) while the page stays open.
 */
export async function bridgeDesktopApi(
  page: Page,
  currentContext: () => MainContext,
): Promise<void> {
  await page.exposeFunction(BINDING, (name: string, input: unknown) =>
    dispatch(currentContext(), name, input),
  )
  await page.addInitScript(
    ({ binding, calls }) => {
      const host = window as unknown as Record<
        string,
        (name: string, input: unknown) => Promise<unknown>
      >
      const api: Record<string, (input: unknown) => Promise<unknown>> = {}
      for (const name of calls) api[name] = (input) => host[binding]!(name, input)
      Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true })
    },
    { binding: BINDING, calls: IPC_CALLS },
  )
}
