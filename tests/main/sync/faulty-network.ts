import type { Enrolment } from '../../../src/main/device/device-enrolment.repository'
import { SEALED_BATCH_PATH } from '../../../src/main/sync/sync.client'
import {
  BATCH_MEDIA_TYPE,
  openReceipt,
  readBatchManifest,
} from '../../../src/shared/sync/batch-codec.node.js'
import { signDeviceRequest } from '../../../src/shared/sync/device-signature.node.js'

/**
 * What the network does to a laptop's uploads until it is cleared:
 * - 'drop': no upload reaches the server (the link is down);
 * - 'lose_receipt': each upload reaches the server, but the answer never comes back.
 */
export type UploadFault = 'drop' | 'lose_receipt'

/**
 * A laptop's network for convergence tests: the real fetch to the real server, with faults
 * the test switches on and off. It keeps every sealed batch it saw go out (to deliver a
 * copy late, out of order) and every revision a verified receipt answered 'accepted'.
 */
export class FaultyNetwork {
  fault: UploadFault | null = null
  /** Every distinct sealed batch the laptop tried to send, in order. */
  readonly batches: Uint8Array[] = []
  /** Revision ids some verified receipt reached the laptop as accepted. */
  readonly accepted = new Set<string>()
  /** Uploads that reached the server (even if the laptop never heard back). */
  delivered = 0
  private enrolment: Enrolment | null = null

  constructor(private readonly serverUrl: string) {}

  /** The laptop's enrolment: to verify receipts and sign late copies as the laptop would. */
  enrolledAs(enrolment: Enrolment): void {
    this.enrolment = enrolment
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = String(input)
    if (init?.method !== 'POST' || !url.endsWith(SEALED_BATCH_PATH)) return fetch(input, init)
    const body = new Uint8Array(init.body as Uint8Array)
    this.remember(body)
    if (this.fault === 'drop') throw new TypeError('fetch failed (test: link down)')
    const response = await fetch(input, init)
    this.delivered += 1
    const text = await response.text()
    if (this.fault === 'lose_receipt') throw new TypeError('fetch failed (test: answer lost)')
    this.noteReceipt(text)
    return new Response(text, { status: response.status, headers: response.headers })
  }

  /**
   * Delivers a copy of the `index`-th batch (modulo) to the server now, signed afresh as
   * the laptop signs a retry: a duplicate, late or out-of-order arrival, or the first
   * arrival of a batch whose upload was dropped.
   * @returns the receipt's outcome per revision
   */
  async deliverCopy(index: number): Promise<{ revisionId: string; status: string }[]> {
    const enrolment = this.enrolment
    const body = this.batches[index % Math.max(1, this.batches.length)]
    if (!enrolment || !body) return []
    const headers = signDeviceRequest(enrolment.signingKey, {
      method: 'POST',
      pathWithQuery: SEALED_BATCH_PATH,
      body,
      deviceId: readBatchManifest(body).deviceId,
    })
    const response = await fetch(`${this.serverUrl}${SEALED_BATCH_PATH}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': BATCH_MEDIA_TYPE, accept: 'application/json' },
      body: new Uint8Array(body),
    })
    this.delivered += 1
    const receipt = this.noteReceipt(await response.text())
    if (!receipt) throw new Error(`the server refused a copy of a batch (HTTP ${response.status})`)
    return receipt.outcomes.map((o) => ({ revisionId: o.revisionId, status: o.status }))
  }

  private remember(body: Uint8Array): void {
    const seen = this.batches.some(
      (b) => b.length === body.length && Buffer.compare(Buffer.from(b), Buffer.from(body)) === 0,
    )
    if (!seen) this.batches.push(body)
  }

  /** Verifies a receipt as the laptop does and keeps its accepted revisions; null if none. */
  private noteReceipt(text: string) {
    if (!this.enrolment) return null
    const envelope = JSON.parse(text) as { ok: boolean; data?: unknown }
    if (!envelope.ok) return null
    const receipt = openReceipt(
      envelope.data as Parameters<typeof openReceipt>[0],
      this.enrolment.provincePublicKeys.signingPublicKey,
    )
    for (const o of receipt.outcomes) if (o.status === 'accepted') this.accepted.add(o.revisionId)
    return receipt
  }
}
