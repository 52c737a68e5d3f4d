import { z } from 'zod'
import { fromBase64 } from './batch-base64'
import { type ByteReader, fromHex, uuidToBytes } from './batch-bytes'
import { BatchError } from './batch-error'
import { MAX_FORM_ID_LENGTH, MAX_FORMS_PER_BATCH } from './batch-format'
import type { BatchFormRef } from './batch-manifest'

/**
 * Field checks and conversions every manifest version shares (batch-manifest.ts reads
 * versions 1 and 2, batch-manifest-compact.ts version 3). Pure module.
 */

const uuidSchema = z.uuid()
const FORM_ID = /^[a-z][a-z0-9_-]*$/
/** Latest time a JavaScript Date holds. */
export const MAX_TIME_MS = 8.64e15

/** The checks of a manifest's identity fields, once they are read (`batch_malformed`). */
export function checkIdentity(
  reader: ByteReader,
  fields: {
    communeCode: string
    createdMs: number
    batchId: string
    deviceId: string
    forms: readonly BatchFormRef[]
  },
): void {
  if (!/^\d{5}$/.test(fields.communeCode)) reader.fail('the commune code is not 5 digits')
  if (fields.createdMs < 0 || fields.createdMs > MAX_TIME_MS) {
    reader.fail('the creation time is out of range')
  }
  if (!isUuidV7(fields.batchId)) reader.fail('the batch id is not a UUIDv7')
  if (!uuidSchema.safeParse(fields.deviceId).success) reader.fail('the device id is not a UUID')
  checkForms(reader, fields.forms)
}

function checkForms(reader: ByteReader, forms: readonly BatchFormRef[]): void {
  if (forms.length < 1 || forms.length > MAX_FORMS_PER_BATCH) {
    reader.fail(`it lists ${forms.length} forms (1 to ${MAX_FORMS_PER_BATCH})`)
  }
  const seen = new Set<string>()
  for (const form of forms) {
    if (!FORM_ID.test(form.id) || form.id.length > MAX_FORM_ID_LENGTH) {
      reader.fail('a form id is malformed')
    }
    if (form.version < 1) reader.fail('a form version is not positive')
    const key = `${form.id}@${form.version}`
    if (seen.has(key)) reader.fail(`form ${key} is listed twice`)
    seen.add(key)
  }
}

export function isUuidV7(uuid: string): boolean {
  return uuid[14] === '7' && /^[89ab]$/.test(uuid[19] ?? '')
}

export function ascii(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e)
      throw new BatchError(
        'batch_malformed',
        'The manifest is malformed: a text field is not ASCII',
      )
    out += String.fromCharCode(b)
  }
  return out
}

export function asciiBytes(text: string): Uint8Array {
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0))
  if (bytes.length !== text.length || /[^\x20-\x7e]/.test(text)) {
    throw new BatchError('batch_malformed', `Not printable ASCII: ${JSON.stringify(text)}`)
  }
  return bytes
}

export function uuidBytes(uuid: string): Uint8Array {
  const bytes = uuidToBytes(uuid)
  if (!bytes) throw new BatchError('batch_malformed', `Not a UUID: ${uuid}`)
  return bytes
}

export function base64Bytes(base64: string, length: number): Uint8Array {
  const bytes = fromBase64(base64)
  if (!bytes || bytes.length !== length) {
    throw new BatchError('batch_malformed', `Expected ${length} bytes of standard base64`)
  }
  return bytes
}

export function hexBytes(hex: string, length: number): Uint8Array {
  const bytes = fromHex(hex)
  if (!bytes || bytes.length !== length) {
    throw new BatchError('batch_malformed', `Expected ${length} bytes of hex`)
  }
  return bytes
}
