import { describe, expect, it } from 'vitest'
import {
  CallFailedError,
  errorCode,
  errorMessage,
} from '../../../../src/renderer/common/errors/error.messages'
import { catalogT } from '../../support/test-i18n'

describe('errorMessage', () => {
  it('says what happened and what to do for a known code', async () => {
    const t = await catalogT('vi')
    expect(errorMessage('server_unreachable', t)).toContain('Không kết nối được máy chủ')
    expect(errorMessage('no_server_url', t)).toContain('Máy chủ')
  })

  it('still says something useful, with the code, for an unknown one', async () => {
    const t = await catalogT('vi')
    expect(errorMessage('disk_full', t)).toContain('disk_full')
    // Catalog keys that are not reason codes are not mistaken for one.
    expect(errorMessage('title', t)).toContain('(mã: title)')
  })
})

describe('errorCode', () => {
  it('keeps the reason code of a failed call and hides anything unexpected', () => {
    expect(errorCode(new CallFailedError('not_found', 'no such household'))).toBe('not_found')
    expect(errorCode(new TypeError('boom'))).toBe('internal')
  })
})
