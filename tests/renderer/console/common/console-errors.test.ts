import { describe, expect, it } from 'vitest'
import { ConsoleCallError } from '../../../../src/renderer/console/api/console.client'
import {
  consoleErrorMessage,
  failureOf,
} from '../../../../src/renderer/console/common/console-errors'
import { AppError } from '../../../../src/shared/result'
import { catalogT } from '../../support/test-i18n'

describe('console error messages', () => {
  it('says what happened and what to do, in Vietnamese by default', async () => {
    const t = await catalogT('vi')
    expect(consoleErrorMessage('invalid_credentials', t)).toMatch(/^Tên đăng nhập hoặc mật khẩu/)
    expect(consoleErrorMessage('forbidden', t)).toContain('không được xem xã này')
    expect(consoleErrorMessage('preview_expired', t)).toContain('Chọn lại tệp')
  })

  it('tells how long to wait after too many wrong passwords, in whole minutes', async () => {
    const t = await catalogT('vi')
    const failure = failureOf(new ConsoleCallError('rate_limited', 'slow down', 429, 601))
    expect(failure).toEqual({ code: 'rate_limited', retryAfterSeconds: 601 })
    expect(consoleErrorMessage(failure, t)).toContain('khoảng 11 phút')
    expect(consoleErrorMessage('rate_limited', t)).toContain('khoảng 15 phút')
  })

  it('lets a screen word a code its own way, and still explains an unknown code', async () => {
    const t = await catalogT('en')
    expect(consoleErrorMessage('conflict', t, { conflict: 'Name taken' })).toBe('Name taken')
    expect(consoleErrorMessage('conflict', t)).toMatch(/^Someone else changed this/)
    expect(consoleErrorMessage('brand_new_code', t)).toContain('(code: brand_new_code)')
  })

  it('turns anything thrown into a reason code', () => {
    expect(failureOf(new AppError('not_found', 'x'))).toEqual({
      code: 'not_found',
      retryAfterSeconds: null,
    })
    expect(failureOf(new TypeError('boom')).code).toBe('internal')
  })
})
