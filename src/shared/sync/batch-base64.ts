/**
 * Standard base64 (RFC 4648, with padding) for pure modules: the manifest shows a claimed
 * device key in base64 without Node's Buffer or the DOM, so any reader can show it.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 with padding, without Node's Buffer or the DOM, so any reader can show a claim. */
export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = [18, 12, 6, 0].map((shift) => BASE64_ALPHABET[(n >> shift) & 63])
    const kept = Math.min(4, bytes.length - i + 1)
    out += chars.slice(0, kept).join('') + '='.repeat(4 - kept)
  }
  return out
}

/** Decodes canonical standard base64 (what toBase64 writes); null for anything else. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - padding)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    for (let j = 0; j < 4; j++) {
      const c = text[i + j] ?? '='
      n = (n << 6) | (c === '=' ? 0 : BASE64_ALPHABET.indexOf(c))
    }
    for (const shift of [16, 8, 0]) if (o < out.length) out[o++] = (n >> shift) & 0xff
  }
  return toBase64(out) === text ? out : null
}
