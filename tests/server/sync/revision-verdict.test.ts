import { describe, expect, it } from 'vitest'
import { judgeRevision } from '../../../src/server/sync/revision-verdict'
import { makeBatch, makeHouseholdResponse, makeRevision } from '../../support/household-fixtures'

describe('judgeRevision', () => {
  it('accepts the fixture revision and returns the cleaned response', () => {
    const revision = makeRevision({
      responseOverrides: { answers: { phone: '+84 912 345 678' } },
    })
    const verdict = judgeRevision(makeBatch([revision]), revision)
    expect(verdict.status).toBe('accepted')
    if (verdict.status !== 'accepted') return
    expect(verdict.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(verdict.response.answers.phone).toBe('0912345678')
    expect(verdict.response.repeats.members).toHaveLength(2)
  })

  it('rejects a commune other than the batch’s', () => {
    const elsewhere = makeRevision({ communeCode: '00001' })
    expect(judgeRevision(makeBatch([elsewhere]), elsewhere)).toEqual({
      status: 'rejected',
      reason: 'wrong_commune',
      issues: [],
    })
  })

  it('rejects an unknown form id or version', () => {
    const otherForm = makeRevision({ formId: 'market-survey' })
    expect(judgeRevision(makeBatch([otherForm]), otherForm)).toMatchObject({
      reason: 'unknown_form',
    })
  })

  it('rejects a village the commune does not have, with the issue', () => {
    const revision = makeRevision({
      response: makeHouseholdResponse({ answers: { village: '00999-01' } }),
    })
    const verdict = judgeRevision(makeBatch([revision]), revision)
    expect(verdict).toMatchObject({ status: 'rejected', reason: 'validation_failed' })
    expect(verdict.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', questionId: 'village' }),
    )
  })

  it('accepts a response with only warnings', () => {
    const revision = makeRevision({
      responseOverrides: {
        // Digit 4 = 1 means a woman born in the 1900s; the member is a man: a warning only.
        members: [{ citizen_id: '008180001234' }],
      },
    })
    const verdict = judgeRevision(makeBatch([revision]), revision)
    expect(verdict.status).toBe('accepted')
    expect(verdict.issues).toContainEqual(
      expect.objectContaining({ code: 'citizen_id_sex_mismatch', severity: 'warning' }),
    )
    expect(verdict.issues.every((i) => i.severity === 'warning')).toBe(true)
  })
})
