/**
 * The committed PostgreSQL migrations (drizzle-pg/) say what the pg-core tables say: a twin
 * changed without `npm run db:generate:pg` fails here, before a server ever sees the gap.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type DrizzleSnapshotJSON, generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { describe, expect, it } from "vitest";
import { pgMigrationsFolder } from "./index";
import * as pgSchema from "./schema";

describe("drizzle-pg migrations", () => {
  it("are current: generating from the pg tables would add nothing", async () => {
    const journal = JSON.parse(readFileSync(join(pgMigrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1);
    expect(last, "a committed migration").toBeDefined();
    const file = join(pgMigrationsFolder, "meta", `${String(last?.idx).padStart(4, "0")}_snapshot.json`);
    const committed = JSON.parse(readFileSync(file, "utf8")) as DrizzleSnapshotJSON;
    const current = generateDrizzleJson(pgSchema as Record<string, unknown>, committed.id);
    expect(await generateMigration(committed, current)).toEqual([]);
  });
});
