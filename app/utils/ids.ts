const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in addresses are checked before they reach the database, so a mistyped one is a 404. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
