// Must stay the first import: see node-env.ts.
import "../node-env";
import { type GraftDb } from "@graft/schema/db";
import { loadConfig } from "../config/env";
import { startServer } from "../server";

/**
 * The API as `src/main.ts` starts it, plus a test hook for flows: SIGUSR2 toggles a full disk on
 * the API's own connection. "Full" is `PRAGMA max_page_count` clamped to the file's current size,
 * so SQLite refuses to grow the database with SQLITE_FULL exactly as it does when the disk has no
 * room left; toggling back raises the limit again, as freeing space does.
 */
let db: GraftDb | null = null;
const server = await startServer(loadConfig(), { onDatabase: (opened) => (db = opened) });
console.log(`Graft API ready at ${server.url}`);

const NO_LIMIT = 4_294_967_294;
let full = false;
process.on("SIGUSR2", () => {
  if (!db) return;
  full = !full;
  const pages = db.$client.pragma(`max_page_count = ${full ? 1 : NO_LIMIT}`, { simple: true }) as number;
  console.log(`test hook: storage ${full ? "full" : "free"} (max_page_count ${pages})`);
});
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
