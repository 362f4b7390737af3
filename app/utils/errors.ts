/**
 * The innermost cause of an error. A failed query's own error (drizzle's, wrapping the driver's)
 * carries the statement's parameters in its message; its cause is the database's error alone.
 */
export function innermostCause(error: unknown): unknown {
  let inner = error;
  while (inner instanceof Error && inner.cause !== undefined) inner = inner.cause;
  return inner;
}
