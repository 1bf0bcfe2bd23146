import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts: generates the migrations in ./drizzle-pg from the
// pg-core tables; needs no database (`npx drizzle-kit generate --config drizzle.pg.config.ts`).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/pg/schema.ts",
  out: "./drizzle-pg",
});
