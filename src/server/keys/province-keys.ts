import {
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto'
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { Clock } from '../../shared/clock/clock'
import { AppError } from '../../shared/result'
import {
  exportPrivateKey,
  importPrivateKey,
  publicKeyId,
  rawPublicKeyBase64,
} from '../../shared/sync/device-signature.node.js'

/**
 * The province's own key pairs: Ed25519 to sign what devices must trust (enrolment files,
 * receipts) and X25519 for devices to encrypt batches to. The private keys live in a file
 * of the data folder readable by the server's user only — never in the database, so that
 * a database dump or a PostgreSQL replica does not carry them. Losing the file means every
 * enrolled device must be enrolled again: back it up with the data folder.
 */

/** File name of the key file inside the data folder. */
export const PROVINCE_KEYS_FILE = 'province-keys.json'

/** One key pair; the public key is raw 32 bytes in standard base64. */
export interface ProvinceKeyPair {
  keyId: string
  publicKey: string
  privateKey: KeyObject
}

export interface ProvinceKeys {
  signing: ProvinceKeyPair
  encryption: ProvinceKeyPair
  /**
   * A server-only secret derived from the signing key, to key the hashes of enrolment
   * secrets so that a database dump alone cannot be brute-forced.
   */
  secretPepper: Buffer
  createdAt: string
}

/** What devices receive: public halves only. */
export interface ProvincePublicKeys {
  signingKeyId: string
  signingPublicKey: string
  encryptionKeyId: string
  encryptionPublicKey: string
}

/** The key file is unreadable, malformed or does not match itself. */
export class ProvinceKeysError extends AppError {
  constructor(message: string, options?: { cause: unknown }) {
    super('province_keys_invalid', message)
    this.name = 'ProvinceKeysError'
    if (options) this.cause = options.cause
  }
}

const storedPairSchema = z.strictObject({
  publicKey: z.string(),
  privateKeyPkcs8: z.string(),
})

const keyFileSchema = z.strictObject({
  format: z.literal('langso-province-keys'),
  version: z.literal(1),
  createdAt: z.string(),
  signing: storedPairSchema,
  encryption: storedPairSchema,
})
type KeyFile = z.infer<typeof keyFileSchema>

/** Owner read/write only. */
const FILE_MODE = 0o600

/**
 * Loads the province keys from the data folder, creating them on the first start. Two
 * servers starting at once over one folder end up with the same keys: the file appears
 * atomically (hard link of a complete temp file), and the loser reads the winner's.
 */
export async function loadOrCreateProvinceKeys(
  dataDir: string,
  clock: Clock,
): Promise<ProvinceKeys> {
  const file = path.join(dataDir, PROVINCE_KEYS_FILE)
  const existing = await readKeyFile(file)
  if (existing) return existing
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  await publishKeyFile(file, newKeyFile(clock))
  const created = await readKeyFile(file)
  if (!created) throw new ProvinceKeysError(`${file} vanished right after it was written`)
  return created
}

/** The public halves, as sent to devices. */
export function provincePublicKeys(keys: ProvinceKeys): ProvincePublicKeys {
  return {
    signingKeyId: keys.signing.keyId,
    signingPublicKey: keys.signing.publicKey,
    encryptionKeyId: keys.encryption.keyId,
    encryptionPublicKey: keys.encryption.publicKey,
  }
}

function newKeyFile(clock: Clock): KeyFile {
  const signing = generateKeyPairSync('ed25519')
  const encryption = generateKeyPairSync('x25519')
  return {
    format: 'langso-province-keys',
    version: 1,
    createdAt: new Date(clock.now()).toISOString(),
    signing: {
      publicKey: rawPublicKeyBase64(signing.publicKey),
      privateKeyPkcs8: exportPrivateKey(signing.privateKey),
    },
    encryption: {
      publicKey: rawPublicKeyBase64(encryption.publicKey),
      privateKeyPkcs8: exportPrivateKey(encryption.privateKey),
    },
  }
}

/** Writes a complete temp file, then links it into place; an existing key file always wins. */
async function publishKeyFile(file: string, content: KeyFile): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temp, 'wx', FILE_MODE)
  try {
    await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await link(temp, file)
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error
  } finally {
    await unlink(temp)
  }
}

async function readKeyFile(file: string): Promise<ProvinceKeys | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null
    throw new ProvinceKeysError(`Cannot read the province key file ${file}`, { cause: error })
  }
  await restrictPermissions(file)
  return parseKeyFile(file, text)
}

/** A key file copied in with looser permissions (a restore, a manual copy) is tightened. */
async function restrictPermissions(file: string): Promise<void> {
  if (process.platform === 'win32') return
  const { mode } = await stat(file)
  if ((mode & 0o077) !== 0) await chmod(file, FILE_MODE)
}

function parseKeyFile(file: string, text: string): ProvinceKeys {
  const broken = (why: string, cause?: unknown) =>
    new ProvinceKeysError(
      `The province key file ${file} is unusable (${why}). Restore it from a backup: ` +
        'enrolled devices trust these keys, so replacing them means enrolling every device again.',
      cause === undefined ? undefined : { cause },
    )
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw broken('not JSON', error)
  }
  const parsed = keyFileSchema.safeParse(json)
  if (!parsed.success) throw broken('unexpected content')
  try {
    return {
      signing: keyPair(parsed.data.signing),
      encryption: keyPair(parsed.data.encryption),
      secretPepper: derivePepper(parsed.data.signing.privateKeyPkcs8),
      createdAt: parsed.data.createdAt,
    }
  } catch (error) {
    throw broken(error instanceof Error ? error.message : 'bad key', error)
  }
}

/** Rebuilds a pair and checks that the stored public key belongs to the private key. */
function keyPair(stored: KeyFile['signing']): ProvinceKeyPair {
  const privateKey = importPrivateKey(stored.privateKeyPkcs8)
  const publicKey = rawPublicKeyBase64(createPublicKey(privateKey))
  if (publicKey !== stored.publicKey) throw new Error('public key does not match private key')
  return { keyId: publicKeyId(publicKey), publicKey, privateKey }
}

function derivePepper(signingPkcs8Base64: string): Buffer {
  const secret = Buffer.from(signingPkcs8Base64, 'base64')
  return Buffer.from(hkdfSync('sha256', secret, '', 'langso enrolment secret pepper v1', 32))
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}
