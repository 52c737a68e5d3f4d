/**
 * The renderer's Content-Security-Policy: everything comes from our own origin, nothing is
 * fetched from elsewhere, no plugins, frames, forms or base-URL tricks. Styles may be
 * inline because Mantine writes its CSS variables into a <style> element; scripts may not.
 * Sent as a header with every app:// response, and (without the directives a <meta> tag
 * cannot carry) as a <meta> in index.html, so a page opened any other way is held to it too.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['media-src', "'none'"],
  ['manifest-src', "'none'"],
  ['frame-ancestors', "'none'"],
]

/** Directives browsers ignore (and warn about) when the policy comes from a <meta> tag. */
const HEADER_ONLY = new Set(['frame-ancestors'])

/** The policy sent as the `Content-Security-Policy` header. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join(
  '; ',
)

/** The same policy as index.html's <meta http-equiv="Content-Security-Policy"> holds it. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name))
  .map(([name, value]) => `${name} ${value}`)
  .join('; ')

/** Headers of every app:// response besides its content type. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}
