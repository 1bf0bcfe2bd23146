import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Everything the API reads from its environment, validated once at start-up. */
export interface ApiConfig {
  port: number;
  host: string;
  /** Directory holding `graft.db` (SQLite) and `api-token`. */
  dataDir: string;
  /**
   * Where the data lives: null for SQLite at `<dataDir>/graft.db` (the default), otherwise
   * `GRAFT_DATABASE_URL` as given: a `postgres://`/`postgresql://` URL, a `file:` URL or a SQLite
   * file path (see db/open.ts).
   */
  databaseUrl: string | null;
  /** Explicit token; when null one is generated (or read) from `<dataDir>/api-token`. */
  token: string | null;
  /** Absolute directories registered datasets must lie under. */
  dataRoots: string[];
  leaseSeconds: number;
  maxAttempts: number;
  /** Origins allowed by CORS (the dashboard). */
  webOrigins: string[];
  /** Largest accepted request body, bytes. */
  bodyLimitBytes: number;
  /** Largest accepted checkpoint upload (all of its files), bytes. */
  checkpointLimitBytes: number;
  /** How often the lease reaper runs, ms. */
  reapIntervalMs: number;
  /** Print the startup banner and generated token (off in tests). */
  quiet: boolean;
}

/** A startup configuration problem; the message names the variable and the value received. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer in [${min}, ${max}]; got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * The repository root: the nearest directory above this file whose package.json declares npm
 * `workspaces`. Found from the source location rather than the working directory, because
 * `npm run start -w apps/api` runs with cwd `apps/api` while `npm start` (scripts/start.mjs) runs
 * at the root, and both must open the same `<repo>/data`.
 */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { workspaces?: unknown }).workspaces !== undefined) return dir;
      } catch {
        // An unreadable package.json is not the root's; keep walking up.
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The data directory when `GRAFT_DATA_DIR` is unset or blank: `<repo>/data`, whatever the working
 * directory (the current directory's `./data` only if no repository root is found, e.g. a copy of
 * the API outside the monorepo). An explicit relative `GRAFT_DATA_DIR` stays relative to the cwd.
 */
export function defaultDataDir(): string {
  const root = findRepoRoot();
  return root === null ? resolve("./data") : join(root, "data");
}

/**
 * Reads and validates the API's environment. Defaults: port 4000 on 127.0.0.1, data in `<repo>/data`
 * (see {@link defaultDataDir}),
 * dataset roots = home directory and `<dataDir>/datasets`, 60 s leases, 3 attempts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const port = intVar(env, "GRAFT_API_PORT", 4000, 0, 65535);
  const host = (env["GRAFT_API_HOST"] ?? "127.0.0.1").trim();
  if (host === "" || /\s/.test(host))
    throw new ConfigError(`GRAFT_API_HOST must be a host name or address; got ${JSON.stringify(env["GRAFT_API_HOST"])}`);
  const explicitDataDir = env["GRAFT_DATA_DIR"]?.trim();
  const dataDir = explicitDataDir ? resolve(explicitDataDir) : defaultDataDir();

  const rawDatabaseUrl = env["GRAFT_DATABASE_URL"]?.trim();
  const databaseUrl = rawDatabaseUrl ? rawDatabaseUrl : null;
  if (databaseUrl !== null && /^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl) && !/^(postgres|postgresql|file):\/\//i.test(databaseUrl))
    throw new ConfigError(
      `GRAFT_DATABASE_URL must be a postgres:// or postgresql:// URL, a file: URL or a SQLite file path; got ${JSON.stringify(databaseUrl)}`,
    );

  const rawToken = env["GRAFT_API_TOKEN"];
  let token: string | null = null;
  if (rawToken !== undefined && rawToken !== "") {
    if (rawToken.length < 16 || /\s/.test(rawToken)) {
      throw new ConfigError(`GRAFT_API_TOKEN must be at least 16 characters without spaces; got one of length ${rawToken.length}`);
    }
    token = rawToken;
  }

  const rootsRaw = env["GRAFT_DATA_ROOTS"];
  const dataRoots =
    rootsRaw !== undefined && rootsRaw.trim() !== ""
      ? rootsRaw
          .split(delimiter)
          .map((r) => r.trim())
          .filter((r) => r !== "")
          .map((r) => resolve(r.startsWith("~") ? join(homedir(), r.slice(1)) : r))
      : [homedir(), join(dataDir, "datasets")];
  if (dataRoots.length === 0) throw new ConfigError(`GRAFT_DATA_ROOTS names no directory; got ${JSON.stringify(rootsRaw)}`);

  const origins = (env["GRAFT_WEB_ORIGIN"] ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o !== "");
  const webPort = intVar(env, "GRAFT_WEB_PORT", 3000, 1, 65535);
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o))
      throw new ConfigError(`GRAFT_WEB_ORIGIN entries must look like http://host:port; got ${JSON.stringify(o)}`);
  }
  const webOrigins = origins.length > 0 ? origins : [`http://localhost:${webPort}`, `http://127.0.0.1:${webPort}`];

  const leaseSeconds = intVar(env, "GRAFT_LEASE_SECONDS", 60, 1, 86400);
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    token,
    dataRoots,
    leaseSeconds,
    maxAttempts: intVar(env, "GRAFT_MAX_ATTEMPTS", 3, 1, 100),
    webOrigins,
    bodyLimitBytes: intVar(env, "GRAFT_API_BODY_LIMIT", 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    // VGG16's 528 MB of weights is the largest shared base's classifier; MobileNets are 2-14 MB.
    checkpointLimitBytes: intVar(env, "GRAFT_CHECKPOINT_LIMIT", 600 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    // Often enough that an expired lease is noticed within ~1/4 lease, never busier than 4×/s.
    reapIntervalMs: Math.max(250, Math.min(15_000, (leaseSeconds * 1000) / 4)),
    quiet: env["GRAFT_API_QUIET"] === "1",
  };
}
