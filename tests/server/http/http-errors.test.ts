import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ForbiddenError, RateLimitedError } from '../../../src/server/auth/auth-errors'
import { invalidInputFromZod, toHttpError } from '../../../src/server/http/http-errors'
import { AppError, NotFoundError } from '../../../src/shared/result'

describe('toHttpError', () => {
  it('maps reason codes to statuses', () => {
    expect(toHttpError(new NotFoundError('household')).status).toBe(404)
    expect(toHttpError(new AppError('invalid_input', 'bad')).status).toBe(400)
    expect(toHttpError(new AppError('form_retired', 'no longer accepted'))).toEqual({
      status: 422,
      info: { code: 'form_retired', message: 'no longer accepted' },
      unexpected: false,
    })
  })

  it('maps the access and account codes every domain shares', () => {
    const statuses = Object.fromEntries(
      [
        'unauthenticated',
        'invalid_credentials',
        'forbidden',
        'csrf',
        'device_revoked',
        'rate_limited',
        'conflict',
        'already_set_up',
        'username_taken',
        'invalid_commune',
      ].map((code) => [code, toHttpError(new AppError(code, code)).status]),
    )
    expect(statuses).toEqual({
      unauthenticated: 401,
      invalid_credentials: 401,
      forbidden: 403,
      csrf: 403,
      device_revoked: 403,
      rate_limited: 429,
      conflict: 409,
      already_set_up: 409,
      username_taken: 409,
      invalid_commune: 400,
    })
  })

  it('adds Retry-After to a rate-limit refusal, in whole seconds', () => {
    const answer = toHttpError(new RateLimitedError(90))
    expect(answer).toMatchObject({ status: 429, headers: { 'retry-after': '90' } })
    expect(toHttpError(new ForbiddenError()).headers).toBeUndefined()
  })

  it('hides the details of unexpected errors behind internal', () => {
    const answer = toHttpError(new TypeError('cannot read row of Nguyễn Văn A'))
    expect(answer).toEqual({
      status: 500,
      info: { code: 'internal', message: 'Unexpected internal error' },
      unexpected: true,
    })
  })
})

describe('invalidInputFromZod', () => {
  it('lists at most ten problems and counts the rest', () => {
    const schema = z.array(z.number())
    const parsed = schema.safeParse(Array.from({ length: 13 }, (_, i) => `value-${i}`))
    if (parsed.success) throw new Error('expected a failure')
    const error = invalidInputFromZod(parsed.error)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('0: ')
    expect(error.message).toContain('9: ')
    expect(error.message).not.toContain('10: ')
    expect(error.message).toContain('and 3 more problem(s)')
    expect(error.message).not.toContain('value-')
  })
})
