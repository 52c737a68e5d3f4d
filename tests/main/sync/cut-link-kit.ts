import { expect } from 'vitest'
import type { MainContext } from '../../../src/main/context'
import { SEALED_BATCH_PATH } from '../../../src/main/sync/sync.client'
import type { ServerStore } from '../../../src/server/store/server-database'
import { countRows as countServerRows } from '../../server/api-client'
import type { TestServer } from '../../support/server-stores'
import type {
  FaultProxy,
  ProxiedRequest,
  ProxyFault,
  RequestHead,
} from '../../support/tcp-fault-proxy'
import { countRows as countLocalRows } from '../main-test-context'
import type { TestServer as SyncTestServer } from './sync-test-servers'

/** A fault planned for an upload; a fraction is turned into a byte offset of that request. */
export type PlannedFault = ProxyFault | { kind: 'cut-at-fraction'; fraction: number }

const PASS: ProxyFault = { kind: 'pass' }

/** True for the desktop's sealed-batch uploads (pulls, enrolment and the rest pass). */
export const isUpload = (head: Pick<RequestHead, 'method' | 'path'>) =>
  head.method === 'POST' && head.path === SEALED_BATCH_PATH

/** The next sealed uploads meet `faults` in order; every other request passes. */
export function faultUploads(proxy: FaultProxy, faults: readonly PlannedFault[]): void {
  const queue = [...faults]
  proxy.setFaults((head) => {
    if (!isUpload(head)) return PASS
    const next = queue.shift() ?? PASS
    if (next.kind !== 'cut-at-fraction') return next
    return { kind: 'cut-request', afterBytes: Math.floor(next.fraction * head.length) }
  })
}

/** The uploads the proxy saw from index `from` on. */
export function uploadsSince(proxy: FaultProxy, from: number): ProxiedRequest[] {
  return proxy.requests.slice(from).filter((r) => isUpload(r.head))
}

/**
 * The test server as the desktop's enrolment helpers expect it, but addressed through the
 * proxy: the laptop enrols with, and later syncs to, the proxy's URL.
 */
export function throughProxy(server: TestServer, proxy: FaultProxy): SyncTestServer {
  return {
    url: proxy.url,
    server: server.server,
    householdIds: async () =>
      (await server.store.db.selectFrom('households').select('id').execute()).map((r) => r.id),
    revisionCount: async () => (await countServerRows(server.store.db)).revisions,
    stop: () => server.close(),
  }
}

/**
 * Each revision the laptop made is stored on the server exactly once (same ids, no more, no
 * fewer), with one household row per household and the members and visits they carry;
 * the server's inbox holds one ingested batch per upload the laptop settled.
 */
export async function expectStoredExactlyOnce(ctx: MainContext, store: ServerStore) {
  const local = await countLocalRows(ctx)
  const server = await countServerRows(store.db)
  expect(server).toMatchObject({
    revisions: local.revisions,
    households: local.households,
    members: local.members,
    visits: local.visits,
  })
  const localIds = await ctx.db.selectFrom('revisions').select('id').orderBy('id').execute()
  const serverIds = await store.db.selectFrom('revisions').select('id').orderBy('id').execute()
  expect(serverIds.map((r) => r.id)).toEqual(localIds.map((r) => r.id))
  const settled = await ctx.db
    .selectFrom('sealed_batches')
    .select('id')
    .where('settled_at', 'is not', null)
    .orderBy('id')
    .execute()
  const stored = await store.db
    .selectFrom('batches')
    .select(['id', 'status'])
    .orderBy('id')
    .execute()
  expect(stored).toEqual(settled.map((b) => ({ id: b.id, status: 'ingested' })))
}

/**
 * The laptop marked nothing without a receipt it read whole: every settled batch went
 * through the proxy at least once with its complete 200 answer handed to the laptop, every
 * sent revision belongs to a settled batch, and every other revision is still pending.
 */
export async function expectSentOnlyOnReceipts(ctx: MainContext, proxy: FaultProxy) {
  const batches = await ctx.db
    .selectFrom('sealed_batches')
    .select(['id', 'body', 'settled_at'])
    .where('kind', '=', 'upload')
    .execute()
  const settledIds = new Set<string>()
  for (const batch of batches) {
    if (batch.settled_at === null) continue
    settledIds.add(batch.id)
    const body = Buffer.from(batch.body)
    const readWhole = proxy.requests.some(
      (r) =>
        isUpload(r.head) && r.deliveredWhole && r.responseStatus === 200 && r.body.equals(body),
    )
    expect(readWhole, `batch ${batch.id} was settled without a receipt read whole`).toBe(true)
  }
  const revisions = await ctx.db.selectFrom('revisions').select(['status', 'batch_id']).execute()
  for (const revision of revisions) {
    if (revision.status === 'sent') expect(settledIds.has(revision.batch_id ?? '')).toBe(true)
    else expect(revision.status).toBe('pending')
  }
}
