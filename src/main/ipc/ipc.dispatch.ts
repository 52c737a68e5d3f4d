import type { z } from 'zod'
import type { ParsedInput } from '../../shared/api/contract'
import { type IpcCall, type IpcContract, ipcContract } from '../../shared/api/ipc.contract'
import { AppError, fail, ok, type Result, toErrorInfo } from '../../shared/result'
import { describeError } from '../app/logger'
import type { MainContext } from '../context'
import { type IpcHandlerMap, ipcHandlers } from './ipc.handlers'

/** Longest call name echoed back in an error; the name comes from an untrusted renderer. */
const MAX_ECHOED_NAME = 64
/** At most this many problems are listed in an invalid_input message. */
const MAX_LISTED_ISSUES = 10

/** Whether `name` is a call of the IPC contract (own keys only: never `constructor`). */
export function isIpcCall(name: unknown): name is IpcCall {
  return typeof name === 'string' && Object.hasOwn(ipcContract, name)
}

/**
 * Runs one IPC call: checks the name against the contract, validates the input with the
 * call's schema, runs its handler and wraps the outcome in a Result. Expected failures
 * (AppError) keep their code; anything else is logged without personal data and answered
 * as `internal`. Never throws.
 */
export async function dispatch(
  ctx: MainContext,
  name: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isIpcCall(name)) {
    return fail('unknown_call', `unknown call "${String(name).slice(0, MAX_ECHOED_NAME)}"`)
  }
  const parsed = ipcContract[name].input.safeParse(input)
  if (!parsed.success) return fail('invalid_input', describeIssues(name, parsed.error))
  try {
    return ok(await runHandler(ctx, name, parsed.data as ParsedInput<IpcContract, typeof name>))
  } catch (error) {
    if (!(error instanceof AppError)) {
      ctx.log.error('ipc_call_failed', { call: name, ...describeError(error) })
    }
    return { ok: false, error: toErrorInfo(error) }
  }
}

function runHandler<N extends IpcCall>(
  ctx: MainContext,
  name: N,
  input: ParsedInput<IpcContract, N>,
): Promise<unknown> {
  const handler: IpcHandlerMap[N] = ipcHandlers[name]
  return handler(ctx, input)
}

/** "households.save: response.answers: expected record; visitDate: invalid date" */
function describeIssues(name: IpcCall, error: z.ZodError): string {
  const listed = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
  const more = error.issues.length - listed.length
  return `${name}: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
}
