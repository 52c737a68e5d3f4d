import { describe, expect, it } from 'vitest'
import { rememberRoute, startRoute } from '../../../../src/renderer/desktop/app/app-route'

/** A real in-memory Storage-like map (the subset the app uses). */
function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  }
}
const DRAFT = '01900000-0000-7000-8000-0000000000d1'

describe('startRoute / rememberRoute', () => {
  it('starts on the start screen when no visit was open', () => {
    expect(startRoute(undefined)).toEqual({ kind: 'home' })
    expect(startRoute(memoryStorage())).toEqual({ kind: 'home' })
  })

  it('reopens the visit that was open when the app closed, and forgets it once left', () => {
    const storage = memoryStorage()
    rememberRoute(storage, { kind: 'form', draftId: DRAFT })
    expect(startRoute(storage)).toEqual({ kind: 'form', draftId: DRAFT })
    rememberRoute(storage, { kind: 'village', villageCode: '00700-01', tab: 'households' })
    expect(startRoute(storage)).toEqual({ kind: 'home' })
  })

  it('ignores a stored value that is not a draft id', () => {
    const storage = memoryStorage()
    storage.setItem('langso.openDraft', 'not-an-id')
    expect(startRoute(storage)).toEqual({ kind: 'home' })
  })
})
