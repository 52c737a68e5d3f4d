import type { FormResponse } from '../../../src/shared/forms/form-response.schema'
import type { HouseholdRevision } from '../../../src/shared/household/household-revision.schema'
import { FIXTURE_MS, makeRevision } from '../../support/household-fixtures'
import { type ApiSession, type EnrolledLaptop, sealLaptopBatch } from './console-batches'

/** Imports a sealed batch file through the console's import call, as province staff do. */
export async function importSealedBatch(
  baseUrl: string,
  admin: ApiSession,
  fileName: string,
  bytes: Uint8Array,
): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/batches/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
    },
    body: JSON.stringify({ fileName, contentBase64: Buffer.from(bytes).toString('base64') }),
  })
  const answer = (await res.json()) as {
    ok: boolean
    data?: { receipt: { accepted: number; duplicate: number; rejected: number } }
  }
  const receipt = answer.data?.receipt
  if (!answer.ok || !receipt || receipt.rejected > 0 || receipt.accepted === 0) {
    throw new Error(`import ${fileName}: ${res.status} ${JSON.stringify(answer)}`)
  }
}

/** Edits a copy of a revision's response. */
function edited(response: FormResponse, change: (r: FormResponse) => void): FormResponse {
  const copy = structuredClone(response)
  change(copy)
  return copy
}

/**
 * Two laptops of one commune edit the same household from the same base: laptop A makes
 * the household, then A sets the mobile signal to weak and the head born 1979, while B,
 * later, sets the signal to none and the head born 1978. Each side is sealed as its own
 * batch file and imported: the server keeps B's newer values and records two conflicts.
 */
export async function produceConflicts(
  baseUrl: string,
  admin: ApiSession,
  a: EnrolledLaptop,
  b: EnrolledLaptop,
): Promise<{ householdId: string }> {
  const base = makeRevision({ deviceId: a.id, savedAtMs: FIXTURE_MS })
  const from = (laptop: EnrolledLaptop, offset: number, change: (r: FormResponse) => void) =>
    makeRevision({
      householdId: base.householdId,
      visitId: base.visitId,
      baseRevisionId: base.id,
      deviceId: laptop.id,
      savedAtMs: FIXTURE_MS + offset,
      response: edited(base.response, change),
    })
  const headBorn = (r: FormResponse, year: number) => {
    const head = r.repeats.members?.[0]
    if (!head) throw new Error('the fixture household has a head')
    head.answers.birth_year = year
  }
  const onA = from(a, 60_000, (r) => {
    r.answers.h_mobile_signal = 'weak'
    headBorn(r, 1979)
  })
  const onB = from(b, 120_000, (r) => {
    r.answers.h_mobile_signal = 'none'
    headBorn(r, 1978)
  })
  const seal = (laptop: EnrolledLaptop, revisions: HouseholdRevision[], atMs: number) =>
    sealLaptopBatch(laptop, revisions, new Date(atMs).toISOString())
  await importSealedBatch(baseUrl, admin, 'may-a-1.langso-batch', seal(a, [base], FIXTURE_MS))
  await importSealedBatch(
    baseUrl,
    admin,
    'may-a-2.langso-batch',
    seal(a, [onA], FIXTURE_MS + 90_000),
  )
  await importSealedBatch(
    baseUrl,
    admin,
    'may-b-1.langso-batch',
    seal(b, [onB], FIXTURE_MS + 150_000),
  )
  return { householdId: base.householdId }
}
