/**
 * True when a database error is a unique-key violation, on either store: PostgreSQL's
 * SQLSTATE 23505 or SQLite's constraint codes for a unique or primary key.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const { code } = error
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}
