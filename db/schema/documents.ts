import { customType, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Raw bytes (a PDF). postgres.js gives a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * Documents that never change once made, kept so a restarted server (or a second one) need not
 * lay them out again: today the adopted constitution's PDF (decision 024). Keyed by what the
 * document is and a hash of everything it prints, so a row is never updated, only added; a
 * draft's PDF is never stored here. Losing a row costs only the time to make it again.
 */
export const renderedDocuments = pgTable("rendered_documents", {
  /** Kind, version and content hash, e.g. "constitution:3:<sha256>". */
  key: text("key").primaryKey(),
  pdf: bytea("pdf").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
