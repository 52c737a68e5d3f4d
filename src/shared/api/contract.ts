import type { z } from 'zod'

/** One call of a boundary: what the receiving side accepts and what it answers. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
}

export type Contract = Record<string, CallSpec>

export type CallName<C extends Contract> = keyof C & string
export type CallInput<C extends Contract, N extends CallName<C>> = z.input<C[N]['input']>
export type ParsedInput<C extends Contract, N extends CallName<C>> = z.output<C[N]['input']>
export type CallOutput<C extends Contract, N extends CallName<C>> = z.output<C[N]['output']>

/** Keeps literal keys while checking that every entry is a CallSpec. */
export function defineContract<const C extends Contract>(contract: C): C {
  return contract
}
