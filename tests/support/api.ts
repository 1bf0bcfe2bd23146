/**
 * Starts the real Graft API as a child process (`node --import tsx apps/api/src/main.ts`) on a free
 * port with a temporary data dir and a token, and waits for GET /healthz. Shared by the agent flows
 * and the dashboard's browser tests. Its database is a SQLite file in the data dir, or with
 * `GRAFT_TEST_DATABASE=postgres` (the flows' PostgreSQL pass) a fresh PostgreSQL database.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gql } from "./graphql";
import { flowDatabaseEnv } from "./postgres";
import { repoRoot } from "./paths";
import { spawnManaged, type ManagedProcess } from "./processes";
import { waitFor } from "./wait";

/** Settings of {@link startApi}. */
export interface StartApiOptions {
  /** Directories datasets may be registered from (GRAFT_DATA_ROOTS). Default: the temp data dir. */
  dataRoots?: string[];
  /** GRAFT_LEASE_SECONDS: small values make fault tests fast. */
  leaseSeconds?: number;
  /** Extra environment for the API process. */
  env?: NodeJS.ProcessEnv;
  /** Reuse a data dir (default: a fresh temp dir, removed by `stop({ cleanup: true })`). */
  dataDir?: string;
  /** GRAFT_API_TOKEN (default: a random one): API processes sharing one database share it. */
  token?: string;
  port?: number;
  startTimeoutMs?: number;
  /** The script to run instead of `src/main.ts`, relative to apps/api (a test entry with hooks). */
  entry?: string;
}

/** A running API. */
export interface RunningApi {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  process: ManagedProcess;
  /** Runs a GraphQL operation with the token; throws on GraphQL errors. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Stops the process (SIGTERM), keeping the data dir unless `cleanup`. */
  stop(options?: { cleanup?: boolean }): Promise<void>;
  /** Stops and starts it again on the same port and data (an API restart). */
  restart(options?: { downMs?: number }): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the API and resolves once /healthz answers 200. */
export async function startApi(options: StartApiOptions = {}): Promise<RunningApi> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "graft-api-"));
  const port = options.port ?? (await freePort());
  const token = options.token ?? `test-token-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The test dialect's database, never one the developer's own environment names.
    GRAFT_DATABASE_URL: undefined,
    ...(options.env?.GRAFT_DATABASE_URL === undefined ? await flowDatabaseEnv() : {}),
    GRAFT_API_PORT: String(port),
    GRAFT_DATA_DIR: dataDir,
    GRAFT_API_TOKEN: token,
    GRAFT_DATA_ROOTS: (options.dataRoots ?? [dataDir]).join(path.delimiter),
    ...(options.leaseSeconds ? { GRAFT_LEASE_SECONDS: String(options.leaseSeconds) } : {}),
    ...options.env,
  };
  const launch = async (): Promise<ManagedProcess> => {
    // tsx reads the tsconfig of the working directory: the API's enables decorators (type-graphql),
    // so it runs from apps/api (and TSX_TSCONFIG_PATH says so explicitly).
    const apiDir = path.join(repoRoot, "apps", "api");
    const child = spawnManaged(
      "api",
      process.execPath,
      ["--import", "tsx", path.join(apiDir, options.entry ?? path.join("src", "main.ts"))],
      {
        cwd: apiDir,
        env: { ...env, TSX_TSCONFIG_PATH: path.join(apiDir, "tsconfig.json") },
      },
    );
    let exitedEarly: number | string | null = null;
    void child.exited.then((v) => (exitedEarly = v));
    await waitFor(
      async () => {
        if (exitedEarly !== null) throw new Error(`API exited (${exitedEarly}) during start-up:\n${child.output().slice(-3000)}`);
        const res = await fetch(`${url}/healthz`).catch(() => null);
        return res?.status === 200;
      },
      { timeoutMs: options.startTimeoutMs ?? 90_000, intervalMs: 200, what: `the API on ${url} to answer /healthz` },
    ).catch(async (error: Error) => {
      await child.stop("SIGKILL");
      throw new Error(`${error.message}\n--- api output ---\n${child.output().slice(-3000)}`);
    });
    // The PostgreSQL pass must not quietly run on SQLite: an API on PostgreSQL writes no graft.db.
    if (env.GRAFT_DATABASE_URL?.startsWith("postgres") && fs.existsSync(path.join(dataDir, "graft.db"))) {
      await child.stop("SIGKILL");
      throw new Error(`the API was given ${env.GRAFT_DATABASE_URL} but wrote ${path.join(dataDir, "graft.db")}`);
    }
    return child;
  };
  const api: RunningApi = {
    url,
    port,
    token,
    dataDir,
    process: await launch(),
    gql: (query, variables) => gql(url, token, query, variables),
    async stop(stopOptions) {
      await api.process.stop("SIGTERM", 10_000);
      if (stopOptions?.cleanup && !options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async restart(restartOptions) {
      await api.process.stop("SIGTERM", 10_000);
      if (restartOptions?.downMs) await new Promise((r) => setTimeout(r, restartOptions.downMs));
      api.process = await launch();
    },
  };
  return api;
}
