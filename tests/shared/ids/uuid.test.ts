import { describe, expect, it } from 'vitest'
import { isUuidV7, newId, sequentialIds } from '../../../src/shared/ids/uuid'

describe('ids', () => {
  it('makes unique UUIDv7 ids', () => {
    const ids = Array.from({ length: 1000 }, () => newId())
    expect(new Set(ids).size).toBe(1000)
    expect(ids.every(isUuidV7)).toBe(true)
  })

  it('makes time-ordered ids', () => {
    const ids = Array.from({ length: 100 }, () => newId())
    expect([...ids].sort()).toEqual(ids)
  })

  it('has a deterministic sequence for tests', () => {
    const a = sequentialIds()
    const b = sequentialIds()
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(first)
    expect(first.every(isUuidV7)).toBe(true)
    expect(new Set(first).size).toBe(3)
  })

  it('rejects other UUID versions', () => {
    expect(isUuidV7('3b241101-e2bb-4255-8caf-4136c566a962')).toBe(false)
  })
})
