/**
 * Row types of the sign-in tables (migration 0002-auth). Times are ISO text in UTC, flags
 * are integers (0/1), as everywhere in the server store.
 */

/** A console user. `username_key` is the case-folded username that must be unique. */
export interface UserTable {
  id: string
  username: string
  username_key: string
  display_name: string
  role: string
  /** The commune a commune viewer may see; null for province roles. */
  commune_code: string | null
  /** `scrypt$N$r$p$salt$hash` (base64url salt and hash). */
  password_hash: string
  disabled: number
  created_at: string
  updated_at: string
  password_changed_at: string
}

/** A signed-in browser. Only a hash of the cookie's token is kept. */
export interface SessionTable {
  id: string
  token_hash: string
  user_id: string
  /** Must come back in the `x-csrf-token` header of every state-changing call. */
  csrf_token: string
  created_at: string
  last_seen_at: string
  /** Absolute end of the session, whatever the activity. */
  expires_at: string
  ip: string | null
}

/** A one-time first-run setup link; only a hash of its token is kept. */
export interface SetupTokenTable {
  id: string
  token_hash: string
  created_at: string
  expires_at: string
}

/** A failed sign-in, kept for the login rate limit (shared by every server process). */
export interface LoginFailureTable {
  id: string
  at: string
  username_key: string
  ip: string
}
