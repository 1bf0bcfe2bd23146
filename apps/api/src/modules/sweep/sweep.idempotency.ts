import { createHash } from "node:crypto";
import { eq, type InferSelectModel } from "drizzle-orm";
import { sweeps } from "@graft/schema/db";
import { type CreateSweepInput } from "@graft/schema/graphql";
import { conflict } from "../../errors";
import { type Db, firstRow } from "../../db/database";

/** JSON with object keys sorted at every level, so equal requests give equal text whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** sha256 of a createSweep request without its key: what a replay must match. */
export function sweepRequestSha256(input: CreateSweepInput): string {
  const { idempotencyKey: _key, ...request } = input;
  return createHash("sha256").update(canonicalJson(request)).digest("hex");
}

/**
 * The sweep an earlier createSweep made under `key`, when there is one: a retry gets it back. The
 * same key with another request is a client bug (or two tabs sharing a key) and is refused with
 * CONFLICT rather than answered with a sweep the caller did not ask for.
 */
export async function sweepForKey(db: Db, key: string, requestSha256: string): Promise<InferSelectModel<typeof sweeps> | null> {
  const row = await firstRow(db.select().from(sweeps).where(eq(sweeps.idempotencyKey, key)));
  if (!row) return null;
  if (row.requestSha256 !== requestSha256) {
    throw conflict(
      `idempotencyKey ${JSON.stringify(key)} was already used for sweep ${row.id} with a different request; use a new key for a new sweep`,
    );
  }
  return row;
}
