import { describe, expect, it } from 'vitest'
import { listKeyAction } from '../../../../src/renderer/desktop/households/list-keyboard'

const press = (
  key: string,
  mods: Partial<{ alt: boolean; ctrl: boolean; shift: boolean }> = {},
) => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
})
const onList = { inTextField: false, selected: 1, count: 3 }
const inSearch = { ...onList, inTextField: true }

describe('listKeyAction', () => {
  it('moves the highlighted row with the arrows, stopping at both ends', () => {
    expect(listKeyAction(press('ArrowDown'), onList)).toEqual({ kind: 'move', index: 2 })
    expect(listKeyAction(press('ArrowDown'), { ...onList, selected: 2 })).toEqual({
      kind: 'move',
      index: 2,
    })
    expect(listKeyAction(press('ArrowUp'), { ...onList, selected: 0 })).toEqual({
      kind: 'move',
      index: 0,
    })
    expect(listKeyAction(press('ArrowDown'), { ...onList, count: 0 })).toBeNull()
  })

  it('moves and opens from the search box too, so typing then Enter opens the best match', () => {
    expect(listKeyAction(press('ArrowDown'), inSearch)).toEqual({ kind: 'move', index: 2 })
    expect(listKeyAction(press('Enter'), { ...inSearch, selected: 0 })).toEqual({ kind: 'open' })
    expect(listKeyAction(press('Enter'), { ...inSearch, count: 0, selected: 0 })).toBeNull()
  })

  it('lets letters type in the search box, but "/" and N act on the list', () => {
    expect(listKeyAction(press('n'), inSearch)).toBeNull()
    expect(listKeyAction(press('/'), inSearch)).toBeNull()
    expect(listKeyAction(press('n'), onList)).toEqual({ kind: 'new' })
    expect(listKeyAction(press('/'), onList)).toEqual({ kind: 'focusSearch' })
  })

  it('starts a new household with Alt+N even while typing', () => {
    expect(listKeyAction(press('n', { alt: true }), inSearch)).toEqual({ kind: 'new' })
    expect(listKeyAction(press('n', { ctrl: true }), onList)).toBeNull()
  })

  it('answers Esc in the search box (clear, then leave)', () => {
    expect(listKeyAction(press('Escape'), inSearch)).toEqual({ kind: 'escape' })
    expect(listKeyAction(press('Escape'), onList)).toBeNull()
  })
})
