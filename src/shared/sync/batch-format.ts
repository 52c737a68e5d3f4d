/**
 * Constants of the sealed batch file format, versions 1 to 3 (docs/batch-format.md). A file is
 *
 *   magic (8) · format version (1) · manifest length M (u16; varint in version 3)
 *   · manifest (M) · ephemeral X25519 public key (32)
 *   · ciphertext (payload length + 16-byte GCM tag) · Ed25519 signature (64)
 *
 * All fixed-width integers are big-endian. Pure module (no Node APIs) so that a browser can
 * read a manifest too.
 */

/** `\x89LSB\r\n\x1a\n`: the high byte and line endings catch 7-bit and text-mode copies. */
export const BATCH_MAGIC: readonly number[] = [0x89, 0x4c, 0x53, 0x42, 0x0d, 0x0a, 0x1a, 0x0a]
export const BATCH_FORMAT_VERSION = 1
/**
 * Version 2: version 1 plus a manifest extension area (today only the enrolment claim of a
 * laptop enrolled by file that the server does not know yet). Written only when an
 * extension is present, so files without one stay version 1, readable by older servers.
 */
export const BATCH_FORMAT_VERSION_EXTENDED = 2
/**
 * Version 3, what devices write: the same cryptography and checks as versions 1 and 2, a
 * compact manifest (varints, no payload hash: the GCM tag and the signature already cover
 * the payload), the payload in grammar 3
 * (batch-payload.node.ts) and a choice of compression (PAYLOAD_CODECS), so that a file of
 * one household is small too. It carries the enrolment claim as version 2 does.
 */
export const BATCH_FORMAT_VERSION_COMPACT = 3
export type BatchFormatVersion =
  | typeof BATCH_FORMAT_VERSION
  | typeof BATCH_FORMAT_VERSION_EXTENDED
  | typeof BATCH_FORMAT_VERSION_COMPACT

/**
 * How a version-3 payload is compressed, by its codec byte: 0 Brotli (versions 1 and 2 always
 * use it), 1 raw DEFLATE (RFC 1951) with preset dictionary 1 (batch-dictionary.generated.ts).
 * A new dictionary is a new codec byte: files name the dictionary they need.
 */
export const PAYLOAD_CODECS = ['brotli', 'deflate-dictionary-1'] as const
export type PayloadCodec = (typeof PAYLOAD_CODECS)[number]

/**
 * The form id a version-3 manifest writes as length 0: the built-in household form's
 * (src/shared/forms/default-household-form.ts), named in nearly every file.
 */
export const BUILTIN_FORM_ID = 'household-digital-readiness'

/** Extension flags (version 2): bit 0, an enrolment claim follows. Other bits are reserved. */
export const EXTENSION_ENROLMENT_CLAIM = 0x01
/** Raw Ed25519 public key, as carried by an enrolment claim. */
export const DEVICE_PUBLIC_KEY_BYTES = 32
/** Longest enrolment token a claim may carry, in UTF-8 bytes (the API accepts 128 characters). */
export const MAX_CLAIM_TOKEN_BYTES = 512
/** Longest device name a claim may carry, in UTF-8 bytes (the API accepts 80 characters). */
export const MAX_CLAIM_DEVICE_NAME_BYTES = 320

/** Magic, version byte and the u16 manifest length. */
export const HEADER_BYTES = BATCH_MAGIC.length + 1 + 2
export const EPHEMERAL_KEY_BYTES = 32
export const GCM_TAG_BYTES = 16
export const SIGNATURE_BYTES = 64
export const UUID_BYTES = 16
export const KEY_ID_BYTES = 16
export const SHA256_BYTES = 32
export const LAYOUT_HASH_BYTES = 8
export const COMMUNE_CODE_BYTES = 5

/** Manifest bytes before the form list (see encodeManifest for the order). */
export const MANIFEST_FIXED_BYTES =
  2 * UUID_BYTES + COMMUNE_CODE_BYTES + 8 + 3 * 4 + 2 * 4 + SHA256_BYTES + 2 * KEY_ID_BYTES + 1
export const MAX_FORMS_PER_BATCH = 32
export const MAX_FORM_ID_LENGTH = 64

/** Everything around the manifest and payload: header, ephemeral key, tag and signature. */
export const FRAME_BYTES = HEADER_BYTES + EPHEMERAL_KEY_BYTES + GCM_TAG_BYTES + SIGNATURE_BYTES

/**
 * Prefix of the message the device signs: the signature is over these bytes followed by
 * every byte of the file before the signature. Distinct from the request signature's first
 * line (`LANGSO-DEVICE-REQUEST-V1\n`), so neither can stand for the other.
 */
export const BATCH_SIGNATURE_PREFIX = 'LANGSO-DEVICE-BATCH-V1\n'
/** HKDF info label; followed by the SHA-256 of the bytes before the ciphertext. */
export const BATCH_KEY_INFO_LABEL = 'LANGSO-BATCH-V1 payload key'

/** Bounds a reader enforces before trusting anything a file says. */
export interface BatchLimits {
  /** Largest file accepted, in bytes (batch_too_large). */
  maxFileBytes: number
  /** Largest decompressed payload, in bytes (payload_too_large). */
  maxPayloadBytes: number
  /** Most revisions in one batch (batch_too_large). */
  maxRevisions: number
}

/**
 * Generous defaults: a 5,000-household file is about 1.3 MB sealed and 3 MB decompressed.
 * A server may tighten them per transport (HTTP uploads are at most MAX_BATCH_REVISIONS).
 */
export const DEFAULT_BATCH_LIMITS: Readonly<BatchLimits> = {
  maxFileBytes: 32 * 1024 * 1024,
  maxPayloadBytes: 128 * 1024 * 1024,
  maxRevisions: 20_000,
}

/** The longest payload a u32 length field can state. */
export const MAX_U32 = 0xffff_ffff
