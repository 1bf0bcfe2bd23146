import { defineConfig } from "drizzle-kit";

// Generates SQL migrations from the table files; needs no database (`npx drizzle-kit generate`).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
});
