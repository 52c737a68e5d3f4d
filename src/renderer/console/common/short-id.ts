const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A UUID short enough to read on screen. Our ids are UUIDv7, whose first characters are
 * the time they were made (ids made the same day look alike), so the random end is shown.
 * Anything else is shown whole.
 */
export function shortId(id: string): string {
  return UUID.test(id) ? `…${id.slice(-6)}` : id
}
