import { describe, expect, it } from 'vitest'
import {
  type ConflictWords,
  conflictMemberName,
  conflictQuestionLabel,
  conflictValueText,
  type HouseholdContext,
} from '../../../../src/renderer/console/conflicts/conflict-text'
import type { Conflict } from '../../../../src/shared/api/http/sync.contract'

const WORDS: ConflictWords = {
  yes: 'Có',
  no: 'Không',
  empty: '(trống)',
  rowConflict: 'Thành viên bị xoá ở một máy nhưng được sửa ở máy khác',
  rowKept: 'Giữ thành viên',
  rowRemoved: 'Xoá thành viên',
}
const MEMBER_ID = '019ab5e6-6c00-7000-8000-0000000000aa'
const HOUSEHOLD: HouseholdContext = {
  villageName: 'Thôn Khuổi My',
  villageCode: '00700-01',
  members: [{ id: MEMBER_ID, fullName: 'Nguyễn Văn A' }],
}

function conflict(overrides: Partial<Conflict>): Conflict {
  return {
    id: 'c1',
    householdId: '019ab5e6-6c00-7000-8000-000000000001',
    communeCode: '00700',
    villageCode: '00700-01',
    headName: 'Nguyễn Văn A',
    scope: 'household',
    repeatId: null,
    rowId: null,
    questionId: 'h_mobile_signal',
    baseValue: 'good',
    winnerValue: 'none',
    loserValue: 'weak',
    winnerRevisionId: 'r3',
    loserRevisionId: 'r2',
    winnerDeviceId: 'b',
    loserDeviceId: 'a',
    createdAt: '2025-11-24T10:00:00.000Z',
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
    chosen: null,
    comment: null,
    ...overrides,
  }
}

describe('how a conflict reads in the console', () => {
  it('labels the question from the default form and shows choice labels, not codes', () => {
    const c = conflict({})
    expect(conflictQuestionLabel(c, 'vi', WORDS)).toBe('Sóng di động tại nhà')
    expect(conflictQuestionLabel(c, 'en', WORDS)).toBe('Mobile signal at home')
    expect(conflictValueText(c, c.winnerValue, 'vi', WORDS, null)).toBe('Không có')
    expect(conflictValueText(c, c.loserValue, 'vi', WORDS, null)).toBe('Yếu')
    expect(conflictValueText(c, null, 'vi', WORDS, null)).toBe('(trống)')
  })

  it('names the village from the household and keeps an unknown question readable', () => {
    const village = conflict({ questionId: 'village', winnerValue: '00700-01' })
    expect(conflictValueText(village, '00700-01', 'vi', WORDS, HOUSEHOLD)).toBe('Thôn Khuổi My')
    const unknown = conflict({ questionId: 'from_v9' })
    expect(conflictQuestionLabel(unknown, 'vi', WORDS)).toBe('from_v9')
    expect(conflictValueText(unknown, 42, 'vi', WORDS, null)).toBe('42')
  })

  it('names the member a member answer belongs to, when the household still lists it', () => {
    const birth = conflict({
      scope: 'member',
      repeatId: 'members',
      rowId: MEMBER_ID,
      questionId: 'birth_year',
    })
    expect(conflictMemberName(birth, HOUSEHOLD)).toBe('Nguyễn Văn A')
    expect(conflictMemberName(birth, null)).toBeNull()
    expect(conflictMemberName({ ...birth, rowId: 'gone' }, HOUSEHOLD)).toBeNull()
    expect(conflictValueText(birth, 1979, 'vi', WORDS, HOUSEHOLD)).toBe('1979')
  })

  it('describes a removed-but-edited member as kept on one side and removed on the other', () => {
    const row = conflict({
      scope: 'member',
      rowId: MEMBER_ID,
      questionId: '@row',
      baseValue: true,
      winnerValue: true,
      loserValue: false,
    })
    expect(conflictQuestionLabel(row, 'vi', WORDS)).toBe(WORDS.rowConflict)
    expect(conflictValueText(row, row.winnerValue, 'vi', WORDS, HOUSEHOLD)).toBe('Giữ thành viên')
    expect(conflictValueText(row, row.loserValue, 'vi', WORDS, HOUSEHOLD)).toBe('Xoá thành viên')
  })
})
