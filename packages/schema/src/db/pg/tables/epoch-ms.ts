import { bigint } from "drizzle-orm/pg-core";

/**
 * A time as milliseconds since the epoch, the twin of SQLite's 64-bit `integer` timestamps: a
 * bigint read back as a JS number (exact up to 2^53 ms, far past any date Graft writes), so
 * services see the same `number` on both dialects. PostgreSQL's `integer` would overflow in 1970.
 */
export const epochMs = (name: string) => bigint(name, { mode: "number" });
