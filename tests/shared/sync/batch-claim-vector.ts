import { defaultHouseholdForm } from '../../../src/shared/forms/default-household-form'
import { encodeClaimSecret } from '../../../src/shared/sync/batch-claim.node.js'
import { sealBatch } from '../../../src/shared/sync/batch-codec.node.js'
import { formLayout } from '../../../src/shared/sync/batch-form-layout.node.js'
import { encodePayload } from '../../../src/shared/sync/batch-payload.node.js'
import { sealKeys, VECTOR_EPHEMERAL_KEY } from '../../fixtures/batches/batch-keys'
import { builtinFormLookup } from '../../fixtures/batches/hostile-corpus'
import {
  hexLines,
  VECTOR_CREATED_AT,
  VECTOR_DEVICE_ID,
  VECTOR_REVISION,
} from '../../fixtures/batches/test-vector'

/**
 * The second test vector of docs/batch-format.md: the first vector's revision in a file
 * that carries an enrolment claim (format version 2). `npx tsx tests/shared/sync/batch-claim-vector.ts`
 * prints the blocks to paste into the docs; batch-claim.node.test.ts reads them back.
 */

export const CLAIM_VECTOR_BATCH_ID = '019ab5e6-6c00-7000-8000-0000000b0002'
export const CLAIM_VECTOR_SECRET = {
  enrolmentToken: 'lset_B9l3sQ1n4N8kq0xZ2cYwVhT7rA5uE6oJ3mP1dG8fK2s',
  deviceName: 'Laptop xã Ngọc Đường',
}

/** The claim vector file (with the first vector's fixed ephemeral key). */
export function claimVectorFile(): Uint8Array {
  return sealBatch(
    {
      batchId: CLAIM_VECTOR_BATCH_ID,
      deviceId: VECTOR_DEVICE_ID,
      communeCode: '00700',
      createdAt: VECTOR_CREATED_AT,
      revisions: [VECTOR_REVISION],
      ...sealKeys(),
      forms: builtinFormLookup,
      enrolmentClaim: CLAIM_VECTOR_SECRET,
    },
    { ephemeralPrivateKey: VECTOR_EPHEMERAL_KEY.privateKey, legacyFormat: true },
  )
}

/** The raw payload of the claim vector: the claim secret, then the first vector's payload. */
export function claimVectorRawPayload(): Uint8Array {
  const revisions = encodePayload([VECTOR_REVISION], {
    deviceId: VECTOR_DEVICE_ID,
    communeCode: '00700',
    layouts: [formLayout(defaultHouseholdForm)],
  })
  return Buffer.concat([encodeClaimSecret(CLAIM_VECTOR_SECRET), revisions])
}

if (process.argv[1]?.endsWith('batch-claim-vector.ts')) {
  const file = claimVectorFile()
  const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\``
  console.log(
    [
      fence('text vector-claim-raw-payload', hexLines(claimVectorRawPayload())),
      '',
      `The file (${file.length} bytes):`,
      '',
      fence('text vector-claim-file', hexLines(file)),
    ].join('\n'),
  )
}
