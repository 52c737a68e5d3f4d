import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type HouseholdRevision,
  householdRevisionSchema,
} from '../../../src/shared/household/household-revision.schema'
import { checkRevision } from '../../../src/shared/sync/batch-revision-check.node.js'
import { COMMUNE } from '../../fixtures/batches/hostile-corpus'
import { DEVICE_ID } from '../../fixtures/batches/realistic-households'
import { revisionArbitrary } from '../../fixtures/batches/revision-arbitraries'

type Mutation = (revision: HouseholdRevision) => unknown

const withProto = (target: object) =>
  Object.defineProperty(target, '__proto__', {
    value: 'x',
    enumerable: true,
    writable: true,
    configurable: true,
  })

/** Each breaks (or, for `__proto__`, only changes) one thing the schema looks at. */
const MUTATIONS: Record<string, Mutation> = {
  'village code empty': (r) => ({ ...r, villageCode: '' }),
  'commune code of letters': (r) => ({ ...r, communeCode: 'abcde' }),
  'revision id of version 0': (r) => ({ ...r, id: '01234567-89ab-0def-8123-456789abcdef' }),
  'clock stamp': (r) => ({ ...r, hlc: 'now' }),
  'visit date': (r) => ({ ...r, visitDate: '2025-02-30' }),
  'saved at': (r) => ({ ...r, savedAt: 'yesterday' }),
  'form version 0': (r) => ({ ...r, formVersion: 0 }),
  'extra key': (r) => ({ ...r, extra: 1 }),
  'empty enumerator name': (r) => ({ ...r, enumerator: { id: r.id, name: '' } }),
  'response missing repeats': (r) => ({ ...r, response: { answers: r.response.answers } }),
  'response with an extra key': (r) => ({ ...r, response: { ...r.response, other: {} } }),
  'answer NaN': (r) => ({ ...r, response: { ...r.response, answers: { a: Number.NaN } } }),
  'answer infinite': (r) => ({
    ...r,
    response: { ...r.response, answers: { a: Number.POSITIVE_INFINITY } },
  }),
  'answer undefined': (r) => ({ ...r, response: { ...r.response, answers: { a: undefined } } }),
  'answer object': (r) => ({ ...r, response: { ...r.response, answers: { a: { b: 1 } } } }),
  'answer list with a number': (r) => ({
    ...r,
    response: { ...r.response, answers: { a: ['x', 1] } },
  }),
  'answers a list': (r) => ({ ...r, response: { ...r.response, answers: [] } }),
  'repeat not a list': (r) => ({ ...r, response: { ...r.response, repeats: { members: {} } } }),
  'row id not a UUID': (r) => ({
    ...r,
    response: { ...r.response, repeats: { members: [{ id: 'x', answers: {} }] } },
  }),
  'row with an extra key': (r) => ({
    ...r,
    response: {
      ...r.response,
      repeats: { members: [{ id: r.id, answers: {}, extra: 1 }] },
    },
  }),
  'row without answers': (r) => ({
    ...r,
    response: { ...r.response, repeats: { members: [{ id: r.id }] } },
  }),
  '__proto__ answer': (r) => ({
    ...r,
    response: { ...r.response, answers: withProto({ ...r.response.answers }) },
  }),
  '__proto__ repeat': (r) => ({
    ...r,
    response: { ...r.response, repeats: withProto({ ...r.response.repeats }) },
  }),
}

describe('checkRevision', () => {
  it('accepts every valid revision, as the revision schema does, and answers the same value', () => {
    fc.assert(
      fc.property(revisionArbitrary(DEVICE_ID, COMMUNE), (revision) => {
        const expected = householdRevisionSchema.parse(revision)
        const checked = checkRevision(structuredClone(revision))
        expect(checked.success).toBe(true)
        if (checked.success) expect(JSON.stringify(checked.data)).toBe(JSON.stringify(expected))
      }),
      { numRuns: 200 },
    )
  })

  it.each(Object.entries(MUTATIONS))('agrees with the revision schema: %s', (_name, mutate) => {
    fc.assert(
      fc.property(revisionArbitrary(DEVICE_ID, COMMUNE), (revision) => {
        const input = mutate(revision) as HouseholdRevision
        const expected = householdRevisionSchema.safeParse(input)
        const checked = checkRevision(input)
        expect(checked.success).toBe(expected.success)
        if (checked.success && expected.success) {
          expect(JSON.stringify(checked.data)).toBe(JSON.stringify(expected.data))
        }
      }),
      { numRuns: 20 },
    )
  })
})
