/**
 * Row types of the device tables (migration 0005-devices). Times are ISO text, so string
 * comparison orders them on both stores.
 */

export type DeviceStatus = 'active' | 'revoked'

/** An enrolled laptop: its commune, its Ed25519 public key and what it last reported. */
export interface DeviceTable {
  /** UUIDv7 made by the device. */
  id: string
  commune_code: string
  name: string
  /** Raw 32-byte Ed25519 public key, standard base64. */
  public_key: string
  enrolled_at: string
  /** The enrolment code or file token used last (its id). */
  enrolment_id: string | null
  last_contact_at: string | null
  last_sync_at: string | null
  /** Records waiting on the device, as it reported at its last check-in. */
  pending_reported: number | null
  app_version: string | null
  status: DeviceStatus
  revoked_at: string | null
  /** User id of who revoked it. */
  revoked_by: string | null
}

/** 'code': typed or scanned (short-lived); 'file': the token inside a signed enrolment file. */
export type EnrolmentKind = 'code' | 'file'

/** A one-time enrolment secret. Only its hash is kept: the secret is shown once. */
export interface EnrolmentCodeTable {
  id: string
  kind: EnrolmentKind
  /** SHA-256 hex of the normalised code or token. */
  code_hash: string
  commune_code: string
  /** User id of the staff member who made it. */
  created_by: string | null
  created_at: string
  expires_at: string
  used_at: string | null
  /** The device it enrolled. */
  device_id: string | null
  cancelled_at: string | null
}

/** One failed enrolment attempt, for the per-address brute-force limit. */
export interface EnrolmentFailureTable {
  id: string
  ip: string
  failed_at: string
}

/** The device tables, to be spread into ServerDatabase. */
export interface DeviceTables {
  devices: DeviceTable
  enrolment_codes: EnrolmentCodeTable
  enrolment_failures: EnrolmentFailureTable
}
