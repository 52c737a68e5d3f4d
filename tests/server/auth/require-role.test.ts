import { describe, expect, it } from 'vitest'
import {
  communeScope,
  requireCommuneAccess,
  requireUser,
} from '../../../src/server/auth/require-role'
import type { Caller } from '../../../src/server/http/request-context'
import type { Role } from '../../../src/shared/api/http.contract'
import { AppError } from '../../../src/shared/result'

function user(role: Role, communeCode: string | null = null): { caller: Caller } {
  return {
    caller: {
      kind: 'user',
      userId: 'u1',
      username: 'u',
      role,
      communeCode,
      sessionId: 's1',
    },
  }
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  return undefined
}

describe('commune scoping', () => {
  it('lets province roles see every commune', () => {
    for (const role of ['province_admin', 'province_staff'] as const) {
      expect(communeScope(user(role))).toBeNull()
      expect(codeOf(() => requireCommuneAccess(user(role), '00706'))).toBeUndefined()
    }
  })

  it('limits a commune viewer to their commune, refusing others with 403 forbidden', () => {
    const viewer = user('commune_viewer', '00700')
    expect(communeScope(viewer)).toBe('00700')
    expect(codeOf(() => requireCommuneAccess(viewer, '00700'))).toBeUndefined()
    expect(codeOf(() => requireCommuneAccess(viewer, '00706'))).toBe('forbidden')
  })

  it('refuses a commune viewer without a commune rather than showing everything', () => {
    expect(codeOf(() => communeScope(user('commune_viewer', null)))).toBe('forbidden')
  })

  it('limits a device to its own commune', () => {
    const device = { caller: { kind: 'device', deviceId: 'd1', communeCode: '00700' } as Caller }
    expect(communeScope(device)).toBe('00700')
    expect(codeOf(() => requireCommuneAccess(device, '00691'))).toBe('forbidden')
  })

  it('requireUser refuses anyone but a signed-in user with 401', () => {
    expect(codeOf(() => requireUser({ caller: { kind: 'anonymous' } }))).toBe('unauthenticated')
    expect(requireUser(user('province_staff')).userId).toBe('u1')
  })
})
