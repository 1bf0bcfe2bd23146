import { randomBytes, timingSafeEqual, createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** File under the data directory that keeps a generated token across restarts. */
export const TOKEN_FILE = "api-token";

/**
 * The token mutations must present: the configured one, else the one stored in
 * `<dataDir>/api-token`, else a new random one written there with mode 0600.
 */
export function ensureToken(dataDir: string, configured: string | null): { token: string; generated: boolean } {
  if (configured) return { token: configured, generated: false };
  const file = join(dataDir, TOKEN_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 16) return { token: stored, generated: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // mode in writeFileSync is ignored when the file already existed
  return { token, generated: true };
}

/** Compares two secrets in constant time (hashing first so lengths need not match). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The bearer token of an `Authorization` header, if any. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? (m[1] ?? null) : null;
}
