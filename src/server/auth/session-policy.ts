const HOUR_MS = 3600_000

/** How long a console session lives. */
export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number
}

/** A working day of inactivity, a week at most. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 8 * HOUR_MS,
  absoluteMs: 7 * 24 * HOUR_MS,
}

/** The policy from hours, as read from the configuration. */
export function sessionPolicyFromHours(idleHours: number, absoluteHours: number): SessionPolicy {
  return { idleMs: idleHours * HOUR_MS, absoluteMs: absoluteHours * HOUR_MS }
}
