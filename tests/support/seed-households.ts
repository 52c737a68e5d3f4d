import {
  type EnrolmentResult,
  enrolmentResultSchema,
  signedEnvelopeSchema,
} from '../../src/shared/api/http/devices.contract'
import type { SyncBatch, SyncReceipt } from '../../src/shared/api/http.contract'
import { defaultHouseholdForm } from '../../src/shared/forms/default-household-form'
import type { FormDefinition } from '../../src/shared/forms/form-definition.schema'
import { PILOT_COMMUNE } from '../../src/shared/places/pilot-places'
import type { Result } from '../../src/shared/result'
import {
  BATCH_MEDIA_TYPE,
  type FormLookup,
  openReceipt,
  sealBatch,
} from '../../src/shared/sync/batch-codec.node.js'
import {
  type DeviceKeyPair,
  generateDeviceKeyPair,
  publicKeyId,
  signDeviceRequest,
} from '../../src/shared/sync/device-signature.node.js'
import { FIXTURE_DEVICE_ID } from './household-fixtures'

/**
 * Puts households on a test server the only way they arrive for real: laptops enrolled
 * through the enrolment API seal their revisions to the province key they were given and
 * upload the batch signed with their own key (POST /api/v1/sync/sealed-batches). Pair it with
 * makeRevision/makeBatch (household-fixtures): a batch goes out as its `deviceId`'s laptop.
 */

export const SEALED_BATCHES_PATH = '/api/v1/sync/sealed-batches'

/** A console user able to make enrolment codes: a province admin's cookie and CSRF token. */
export interface EnrollerSession {
  cookie: string | null
  csrfToken: string | null
}

/** A laptop to enrol: a bare id (a key pair is made for it) or an id with its keys. */
export type LaptopSpec = string | { id: string; keys: DeviceKeyPair }

/** A laptop enrolled on the server: its keys and what enrolment answered. */
export interface SeedLaptop {
  id: string
  keys: DeviceKeyPair
  enrolment: EnrolmentResult
}

/** The raw answer to a sealed upload. */
export interface UploadAnswer {
  status: number
  body: Result<unknown>
}

export interface SealOptions {
  /** Form versions the laptop knows besides the built-in one (published ones it pulled). */
  forms?: readonly FormDefinition[]
}

/** Enrolled laptops of one commune, uploading sealed batches to one server. */
export class HouseholdSeeder {
  private constructor(
    private readonly baseUrl: string,
    private readonly laptops: ReadonlyMap<string, SeedLaptop>,
  ) {}

  /**
   * Enrols each laptop (default: the fixtures' device) in `communeCode` with an enrolment
   * code of its own, made by `admin`.
   */
  static async enrol(
    server: { url: string },
    admin: EnrollerSession,
    laptops: readonly LaptopSpec[] = [FIXTURE_DEVICE_ID],
    communeCode: string = PILOT_COMMUNE.code,
  ): Promise<HouseholdSeeder> {
    const enrolled = new Map<string, SeedLaptop>()
    for (const spec of laptops) {
      const laptop = typeof spec === 'string' ? { id: spec, keys: generateDeviceKeyPair() } : spec
      enrolled.set(laptop.id, await enrolLaptop(server.url, admin, laptop, communeCode))
    }
    return new HouseholdSeeder(server.url, enrolled)
  }

  /** The enrolled laptop of this id. */
  laptop(deviceId: string): SeedLaptop {
    const laptop = this.laptops.get(deviceId)
    if (!laptop) throw new Error(`laptop ${deviceId} is not enrolled in this seeder`)
    return laptop
  }

  /** Seals the batch as its laptop exports it (sentAt is the sealing time). */
  seal(batch: SyncBatch, options: SealOptions = {}): Uint8Array {
    const laptop = this.laptop(batch.deviceId)
    const keys = laptop.enrolment.provincePublicKeys
    return sealBatch({
      batchId: batch.batchId,
      deviceId: batch.deviceId,
      communeCode: batch.communeCode,
      createdAt: batch.sentAt,
      revisions: batch.revisions,
      device: {
        signingPrivateKey: laptop.keys.privateKey,
        signingKeyId: publicKeyId(laptop.keys.publicKey),
      },
      province: {
        encryptionPublicKey: keys.encryptionPublicKey,
        encryptionKeyId: keys.encryptionKeyId,
      },
      forms: formLookup(options.forms ?? []),
    })
  }

  /** Uploads sealed bytes signed by the laptop `deviceId`; the answer as it came. */
  async send(deviceId: string, bytes: Uint8Array): Promise<UploadAnswer> {
    const laptop = this.laptop(deviceId)
    const body = Buffer.from(bytes)
    const headers = signDeviceRequest(laptop.keys.privateKey, {
      method: 'POST',
      pathWithQuery: SEALED_BATCHES_PATH,
      body,
      deviceId,
    })
    const res = await fetch(`${this.baseUrl}${SEALED_BATCHES_PATH}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': BATCH_MEDIA_TYPE },
      body,
    })
    return { status: res.status, body: (await res.json()) as Result<unknown> }
  }

  /** The receipt of an upload answer, its province signature and batch id checked. */
  receiptOf(deviceId: string, answer: UploadAnswer, batchId?: string): SyncReceipt {
    if (!answer.body.ok) {
      throw new Error(`upload refused: ${answer.status} ${JSON.stringify(answer.body.error)}`)
    }
    const envelope = signedEnvelopeSchema.parse(answer.body.data)
    const signingKey = this.laptop(deviceId).enrolment.provincePublicKeys.signingPublicKey
    return openReceipt(envelope, signingKey, batchId)
  }

  /** Seals and uploads the batch; answers its verified receipt (throws when refused). */
  async upload(batch: SyncBatch, options: SealOptions = {}): Promise<SyncReceipt> {
    const answer = await this.send(batch.deviceId, this.seal(batch, options))
    return this.receiptOf(batch.deviceId, answer, batch.batchId)
  }
}

/** The built-in household form and the given versions, as a laptop's form store. */
function formLookup(extra: readonly FormDefinition[]): FormLookup {
  const forms = [defaultHouseholdForm, ...extra]
  return (id, version) => forms.find((form) => form.id === id && form.version === version)
}

async function enrolLaptop(
  baseUrl: string,
  admin: EnrollerSession,
  laptop: { id: string; keys: DeviceKeyPair },
  communeCode: string,
): Promise<SeedLaptop> {
  const made = await postJson(baseUrl, '/api/v1/devices/enrolment-codes', admin, {
    communeCode,
    serverUrl: baseUrl,
  })
  const { code } = made as { code: string }
  const enrolment = await postJson(baseUrl, '/api/v1/devices/enrol', null, {
    code,
    deviceId: laptop.id,
    deviceName: `Laptop ${laptop.id.slice(-4)}`,
    publicKey: laptop.keys.publicKey,
  })
  return { ...laptop, enrolment: enrolmentResultSchema.parse(enrolment) }
}

/** POSTs JSON (with the session's cookie and CSRF token, if any) and answers the data. */
async function postJson(
  baseUrl: string,
  path: string,
  session: EnrollerSession | null,
  body: unknown,
): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (session?.cookie) headers.cookie = session.cookie
  if (session?.csrfToken) headers['x-csrf-token'] = session.csrfToken
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  const answer = (await res.json()) as Result<unknown>
  if (!answer.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(answer.error)}`)
  return answer.data
}
