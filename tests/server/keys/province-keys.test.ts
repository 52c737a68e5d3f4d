import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  loadOrCreateProvinceKeys,
  PROVINCE_KEYS_FILE,
  ProvinceKeysError,
  provincePublicKeys,
} from '../../../src/server/keys/province-keys'
import { ManualClock } from '../../../src/shared/clock/clock'
import {
  ed25519PublicKey,
  openEnvelope,
  publicKeyId,
  signEnvelope,
} from '../../../src/shared/sync/device-signature.node.js'

const clock = new ManualClock(Date.parse('2025-11-25T02:00:00Z'))

describe('province keys', () => {
  let dir: string
  let dataDir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'langso-keys-'))
    dataDir = path.join(dir, 'data')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('creates both key pairs on first start in a file only the owner can read', async () => {
    const keys = await loadOrCreateProvinceKeys(dataDir, clock)
    const file = path.join(dataDir, PROVINCE_KEYS_FILE)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(keys.signing.privateKey.asymmetricKeyType).toBe('ed25519')
    expect(keys.encryption.privateKey.asymmetricKeyType).toBe('x25519')
    expect(keys.createdAt).toBe('2025-11-25T02:00:00.000Z')
    expect(keys.signing.keyId).toBe(publicKeyId(keys.signing.publicKey))
    // The temp file it was written through is gone.
    expect(await readdir(dataDir)).toEqual([PROVINCE_KEYS_FILE])
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    expect(stored.format).toBe('langso-province-keys')
  })

  it('loads the same keys on every later start', async () => {
    const first = await loadOrCreateProvinceKeys(dataDir, clock)
    const second = await loadOrCreateProvinceKeys(dataDir, clock)
    expect(provincePublicKeys(second)).toEqual(provincePublicKeys(first))
    expect(second.secretPepper.equals(first.secretPepper)).toBe(true)
    // A document signed before the restart still verifies with the reloaded key.
    const env = signEnvelope(first.signing.privateKey, 'test', { a: 1 })
    expect(openEnvelope(ed25519PublicKey(second.signing.publicKey), env, 'test')).toEqual({ a: 1 })
  })

  it('ends up with one key set when two starts race over an empty folder', async () => {
    const [a, b] = await Promise.all([
      loadOrCreateProvinceKeys(dataDir, clock),
      loadOrCreateProvinceKeys(dataDir, clock),
    ])
    expect(provincePublicKeys(a)).toEqual(provincePublicKeys(b))
  })

  it('tightens a key file that was copied in with loose permissions', async () => {
    await loadOrCreateProvinceKeys(dataDir, clock)
    const file = path.join(dataDir, PROVINCE_KEYS_FILE)
    await chmod(file, 0o644)
    await loadOrCreateProvinceKeys(dataDir, clock)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('refuses to start on a damaged key file instead of replacing the keys', async () => {
    const keys = await loadOrCreateProvinceKeys(dataDir, clock)
    const file = path.join(dataDir, PROVINCE_KEYS_FILE)
    const stored = JSON.parse(await readFile(file, 'utf8')) as {
      encryption: { publicKey: string }
    }
    stored.encryption.publicKey = keys.signing.publicKey
    await writeFile(file, JSON.stringify(stored))
    await expect(loadOrCreateProvinceKeys(dataDir, clock)).rejects.toThrow(ProvinceKeysError)
    await writeFile(file, '{ not json')
    await expect(loadOrCreateProvinceKeys(dataDir, clock)).rejects.toThrow(
      /Restore it from a backup/,
    )
  })
})
