import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  discardDraft,
  startDraft,
  updateDraftAnswers,
} from '../../../src/main/drafts/draft.service'
import { listHouseholds } from '../../../src/main/household/household.service'
import { makeHouseholdResponse } from '../../support/household-fixtures'
import { openTestMain, type TestMain } from '../main-test-context'
import { recordVisit } from '../visit-test-helpers'

/** Personal identifiers used below; none may appear in the store's files. */
const SECRETS = {
  householdPhone: '0912345678',
  mobile: '0387654321',
  citizenId: '008080001234',
  draftPhone: '0978111222',
  discardedId: '001190004321',
}

let t: TestMain

beforeEach(async () => {
  t = await openTestMain()
})

afterEach(async () => {
  await t.dispose()
})

/** Every way the identifiers could be written: digits, and the +84 / spaced forms typed. */
function needles(): string[] {
  return Object.values(SECRETS).flatMap((s) => [s, s.slice(1), `${s.slice(0, 4)} ${s.slice(4, 7)}`])
}

function findSecrets(bytes: Buffer): string[] {
  return needles().filter((n) => bytes.includes(Buffer.from(n, 'utf8')))
}

describe('personal data at rest', () => {
  it('leaves no phone or citizen id in clear in the SQLite file or its WAL, in any table', async () => {
    const saved = await recordVisit(
      t.ctx,
      makeHouseholdResponse({
        answers: { phone: `+84 ${SECRETS.householdPhone.slice(1)}` },
        members: [
          { citizen_id: SECRETS.citizenId, mobile: SECRETS.mobile },
          { relation: 'spouse', sex: 'female' },
        ],
      }),
    )
    // A revisit saved again (outbox holds two payloads), an open draft, a discarded draft.
    await recordVisit(
      t.ctx,
      makeHouseholdResponse({ members: [{ citizen_id: SECRETS.citizenId }] }),
      {
        householdId: saved.householdId,
        visitDate: '2026-01-05',
      },
    )
    const open = await startDraft(t.ctx, { villageCode: '00700-02' })
    await updateDraftAnswers(t.ctx, {
      id: open.id,
      response: makeHouseholdResponse({ answers: { phone: SECRETS.draftPhone } }),
      cursor: { sectionId: 'household', questionId: 'phone' },
    })
    const gone = await startDraft(t.ctx, { villageCode: '00700-03' })
    await updateDraftAnswers(t.ctx, {
      id: gone.id,
      response: makeHouseholdResponse({ members: [{ citizen_id: SECRETS.discardedId }] }),
      cursor: null,
    })
    await discardDraft(t.ctx, gone.id)

    // The data is there and searchable…
    expect(await listHouseholds(t.ctx, { query: SECRETS.householdPhone })).toHaveLength(1)
    expect(await listHouseholds(t.ctx, { query: SECRETS.citizenId })).toHaveLength(1)

    // …but not in clear: first the WAL as it stands, then the main file after a checkpoint.
    const wal = `${t.dbPath}-wal`
    expect(existsSync(wal)).toBe(true)
    const walBytes = await readFile(wal)
    expect(walBytes.length).toBeGreaterThan(0)
    expect(findSecrets(walBytes)).toEqual([])
    await sql`pragma wal_checkpoint(truncate)`.execute(t.ctx.db)
    const file = await readFile(t.dbPath)
    expect(file.includes(Buffer.from('Nguyễn Văn A', 'utf8'))).toBe(true) // the right file
    expect(findSecrets(file)).toEqual([])
    expect(findSecrets(await readFile(wal))).toEqual([])
  })
})
