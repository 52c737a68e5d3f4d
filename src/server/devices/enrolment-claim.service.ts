import type { EnrolmentClaim } from '../../shared/sync/batch-codec.node.js'
import { ed25519PublicKey } from '../../shared/sync/device-signature.node.js'
import type { AuditActor } from '../audit/audit.service'
import type { RequestContext } from '../http/request-context'
import { findDevice } from './device.repository'
import { type RedemptionOutcome, redeemSecret, UNKNOWN_ADDRESS } from './device-enrolment.service'
import { EnrolmentCodeInvalidError } from './device-errors'
import type { DeviceTable } from './devices.tables'
import { assertEnrolmentAllowed, recordEnrolmentFailure } from './enrolment-rate-limit'
import { hashEnrolmentSecret } from './enrolment-secret'

/** A verified, decrypted claim and the batch that carried it. */
export interface BatchClaimInput {
  deviceId: string
  /** The batch's commune: the token must be for it. */
  communeCode: string
  batchId: string
  claim: EnrolmentClaim
  source: 'http' | 'file'
  /** The CLI operator, named in the audit entry instead of the caller. */
  actor?: AuditActor
}

export interface BatchClaimResult {
  outcome: RedemptionOutcome
  device: DeviceTable
}

/**
 * Redeems the enrolment token a batch file carries for the laptop that sealed it, exactly
 * as devices.enrol would redeem it (same checks, same attempt limit on the address that
 * hands the file in, same audit entry — with the batch named), in its own transaction.
 * Call it only with a claim openBatch returned, i.e. from a file whose signature verified
 * with the claimed key and whose payload decrypted.
 *
 * Idempotent: a token already redeemed by this device with this key answers `retry`, so
 * the same file imported twice, or a later batch still claiming, goes through; a token
 * used by another device (or this device with another key) is `enrolment_code_used`.
 */
export async function redeemBatchClaim(
  ctx: RequestContext,
  input: BatchClaimInput,
): Promise<BatchClaimResult> {
  const ip = ctx.ip ?? UNKNOWN_ADDRESS
  await assertEnrolmentAllowed(ctx, ip)
  // Checked by the codec already; kept so that this service never stores a malformed key.
  ed25519PublicKey(input.claim.devicePublicKey)
  const enrol = {
    enrolmentToken: input.claim.enrolmentToken.trim(),
    deviceId: input.deviceId,
    deviceName: input.claim.deviceName.trim(),
    publicKey: input.claim.devicePublicKey,
  }
  const codeHash = hashEnrolmentSecret(ctx.provinceKeys.secretPepper, enrol.enrolmentToken)
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const { outcome } = await redeemSecret(trx, ctx, enrol, 'file', codeHash, {
        communeCode: input.communeCode,
        auditDetails: { via: 'batch', batchId: input.batchId, source: input.source },
        ...(input.actor ? { actor: input.actor } : {}),
      })
      const device = await findDevice(trx, input.deviceId)
      if (!device) throw new Error(`Device ${input.deviceId} is missing after its enrolment`)
      return { outcome, device }
    })
  } catch (error) {
    if (error instanceof EnrolmentCodeInvalidError) await recordEnrolmentFailure(ctx, ip)
    throw error
  }
}
