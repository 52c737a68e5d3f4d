import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IngestJson } from '../../../src/server/sync/ingest-json'
import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { COMMUNE } from '../../fixtures/batches/hostile-corpus'
import { DEVICE_ID } from '../../fixtures/batches/realistic-households'
import { revisionArbitrary } from '../../fixtures/batches/revision-arbitraries'

const revisions = revisionArbitrary(DEVICE_ID, COMMUNE)

describe('IngestJson', () => {
  it('writes revisions, responses and answers exactly as JSON.stringify', () => {
    fc.assert(
      fc.property(revisions, (revision) => {
        const json = new IngestJson()
        expect(json.revision(revision)).toBe(JSON.stringify(revision))
        expect(json.response(revision.response)).toBe(JSON.stringify(revision.response))
        for (const rows of Object.values(revision.response.repeats)) {
          for (const row of rows)
            expect(json.answers(row.answers)).toBe(JSON.stringify(row.answers))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('answers a cleaned response only when it writes differently, and shares the texts when not', () => {
    fc.assert(
      fc.property(revisions, revisions, fc.boolean(), (sent, other, same) => {
        const cleaned: FormResponse = same ? structuredClone(sent.response) : other.response
        const json = new IngestJson()
        json.revision(sent)
        const text = json.cleaned(cleaned, sent.response)
        const differs = JSON.stringify(cleaned) !== JSON.stringify(sent.response)
        expect(text).toBe(differs ? JSON.stringify(cleaned) : null)
        expect(json.response(cleaned)).toBe(JSON.stringify(cleaned))
        for (const rows of Object.values(cleaned.repeats)) {
          for (const row of rows)
            expect(json.answers(row.answers)).toBe(JSON.stringify(row.answers))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('writes shapes it does not compose (extra keys, undefined, odd rows) as JSON.stringify', () => {
    const base = fc.sample(revisions, { numRuns: 1, seed: 7 })[0] as HouseholdRevision
    const odd: unknown[] = [
      { ...base.response, extra: 1 },
      { repeats: base.response.repeats, answers: base.response.answers },
      { ...base.response, repeats: { members: [{ id: 'x', answers: {}, more: true }] } },
      { ...base.response, repeats: { members: [{ answers: {}, id: 'x' }] } },
      { ...base.response, repeats: { members: undefined, other: [] } },
      { ...base.response, repeats: { members: [undefined] } },
      { ...base.response, answers: { a: undefined, b: 1 } },
    ]
    for (const response of odd) {
      const json = new IngestJson()
      expect(json.response(response as FormResponse)).toBe(JSON.stringify(response))
      const revision = { ...base, response } as HouseholdRevision
      expect(new IngestJson().revision(revision)).toBe(JSON.stringify(revision))
    }
    const withUndefined = { ...base, enumerator: undefined }
    expect(new IngestJson().revision(withUndefined)).toBe(JSON.stringify(withUndefined))
  })
})
