import type { Transaction } from 'kysely'
import type { RevisionOutcome } from '../../shared/api/http.contract'
import { type ValidationIssue, validationIssueSchema } from '../../shared/forms/validation-issue'
import type { ServerDatabase } from '../store/server-database.types'

/** Ids per query: far below SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 1000

/**
 * Answers a revision the log already holds the way it was answered the first time: a
 * repeat of an accepted revision is a duplicate (delivered, nothing to do), but a repeat
 * of a rejected one is rejected again with its stored reason and issues. Otherwise a
 * re-sent batch — a lost answer retried, or a USB file imported twice — would tell the
 * laptop that a quarantined record was delivered, and it would stop showing it as refused.
 */
export async function answerRepeats(
  trx: Transaction<ServerDatabase>,
  outcomes: RevisionOutcome[],
): Promise<RevisionOutcome[]> {
  const repeats = outcomes.filter((o) => o.status === 'duplicate').map((o) => o.revisionId)
  if (repeats.length === 0) return outcomes
  const rejected = new Map<string, { reason: string | null; issues: ValidationIssue[] }>()
  for (let start = 0; start < repeats.length; start += IDS_PER_QUERY) {
    const rows = await trx
      .selectFrom('revisions')
      .select(['id', 'reason', 'issues_json'])
      .where('id', 'in', repeats.slice(start, start + IDS_PER_QUERY))
      .where('status', '=', 'rejected')
      .execute()
    for (const row of rows) {
      rejected.set(row.id, { reason: row.reason, issues: storedIssues(row.issues_json) })
    }
  }
  if (rejected.size === 0) return outcomes
  return outcomes.map((outcome) => {
    const first = outcome.status === 'duplicate' ? rejected.get(outcome.revisionId) : undefined
    if (!first) return outcome
    return {
      revisionId: outcome.revisionId,
      status: 'rejected',
      reason: first.reason ?? 'rejected',
      ...(first.issues.length > 0 ? { issues: first.issues } : {}),
    }
  })
}

function storedIssues(json: string | null): ValidationIssue[] {
  if (!json) return []
  return validationIssueSchema.array().parse(JSON.parse(json))
}
