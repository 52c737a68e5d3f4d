import { describe, expect, it } from 'vitest'
import { z } from 'zod'
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
