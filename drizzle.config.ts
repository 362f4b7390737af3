import { defineConfig } from "drizzle-kit";

// Migrations are generated once and serve both PostgreSQL (postgres.js) and embedded PGlite.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
