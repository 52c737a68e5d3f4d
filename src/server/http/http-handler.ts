import type { z } from 'zod'
import type { HttpCall, HttpContract, HttpOutput } from '../../shared/api/http.contract'
import type { RequestContext } from './request-context'

/** The parsed input of a call: defaults applied, strings coerced. */
export type HttpParsedInput<N extends HttpCall> = z.output<HttpContract[N]['input']>

/**
 * A plain async function of (request context, validated input): tests may call it directly.
 * The context carries the caller, already authenticated and allowed by the call's `access`.
 */
export type HttpHandler<N extends HttpCall> = (
  ctx: RequestContext,
  input: HttpParsedInput<N>,
) => Promise<HttpOutput<N>>

/** One handler per call of the HTTP contract; a missing one is a type error. */
export type HttpHandlers = { [N in HttpCall]: HttpHandler<N> }
