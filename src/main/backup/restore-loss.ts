import type { Kysely } from 'kysely'
import type { LostDraft, LostRecord, RestoreLoss } from '../../shared/api/ipc/backup.contract'
import { getSetting } from '../settings/settings.repository'
import type { LocalDatabase } from '../store/local-database.types'

type Db = Kysely<LocalDatabase>

/**
 * What replacing the store `current` with `backup` would drop: revisions not yet settled
 * by the province (pending, awaiting a receipt, or rejected) that the backup does not have,
 * grouped by household; drafts the backup lacks or holds in an older state; and, for
 * information, records the province already has, team members added and a re-enrolment
 * since the backup.
 */
export async function restoreLoss(current: Db, backup: Db): Promise<RestoreLoss> {
  const inBackup = new Set(
    (await backup.selectFrom('revisions').select('id').execute()).map((row) => row.id),
  )
  const revisions = await current
    .selectFrom('revisions')
    .select(['id', 'household_id', 'status'])
    .execute()
  const lostByHousehold = new Map<string, { count: number; pending: boolean }>()
  let sentNotInBackup = 0
  for (const revision of revisions) {
    if (inBackup.has(revision.id)) continue
    if (revision.status === 'sent') {
      sentNotInBackup += 1
      continue
    }
    const lost = lostByHousehold.get(revision.household_id) ?? { count: 0, pending: false }
    lost.count += 1
    lost.pending ||= revision.status === 'pending'
    lostByHousehold.set(revision.household_id, lost)
  }
  return {
    records: await describeRecords(current, lostByHousehold),
    drafts: await lostDrafts(current, backup),
    sentNotInBackup,
    teamMembersNotInBackup: await teamMembersNotIn(current, backup),
    enrolmentDiffers: await enrolmentDiffers(current, backup),
  }
}

async function describeRecords(
  current: Db,
  lost: ReadonlyMap<string, { count: number; pending: boolean }>,
): Promise<LostRecord[]> {
  if (lost.size === 0) return []
  const records: LostRecord[] = []
  const ids = [...lost.keys()]
  // SQLite caps bound parameters; read the households in slices.
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await current
      .selectFrom('households')
      .select(['id', 'head_name', 'village_code', 'visit_date', 'awaiting_since'])
      .where('id', 'in', ids.slice(start, start + 500))
      .execute()
    for (const row of rows) {
      const info = lost.get(row.id)
      if (!info) continue
      records.push({
        householdId: row.id,
        headName: row.head_name,
        villageCode: row.village_code,
        visitDate: row.visit_date,
        revisions: info.count,
        state: info.pending ? (row.awaiting_since ? 'awaiting' : 'pending') : 'rejected',
      })
    }
  }
  return records.sort(
    (a, b) =>
      a.villageCode.localeCompare(b.villageCode) || a.headName.localeCompare(b.headName, 'vi'),
  )
}

async function lostDrafts(current: Db, backup: Db): Promise<LostDraft[]> {
  const backupDrafts = new Map(
    (await backup.selectFrom('drafts').select(['id', 'updated_at']).execute()).map((row) => [
      row.id,
      row.updated_at,
    ]),
  )
  const drafts = await current
    .selectFrom('drafts')
    .select(['id', 'head_name', 'village_code', 'visit_date', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .execute()
  const lost: LostDraft[] = []
  for (const draft of drafts) {
    const kept = backupDrafts.get(draft.id)
    if (kept !== undefined && kept >= draft.updated_at) continue
    lost.push({
      draftId: draft.id,
      headName: draft.head_name,
      villageCode: draft.village_code,
      visitDate: draft.visit_date,
      updatedAt: draft.updated_at,
      change: kept === undefined ? 'missing' : 'older',
    })
  }
  return lost
}

async function teamMembersNotIn(current: Db, backup: Db): Promise<number> {
  const kept = new Set(
    (await backup.selectFrom('team_members').select('id').execute()).map((row) => row.id),
  )
  const members = await current.selectFrom('team_members').select('id').execute()
  return members.filter((member) => !kept.has(member.id)).length
}

async function enrolmentDiffers(current: Db, backup: Db): Promise<boolean> {
  // The sealed record is rewritten only by an enrolment, so equal text means the same one.
  const now = await getSetting(current, 'device_enrolment')
  return now !== null && now !== (await getSetting(backup, 'device_enrolment'))
}
