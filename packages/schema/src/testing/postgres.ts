/**
 * A real PostgreSQL server for tests, started from Debian's `postgresql` binaries in a temporary
 * directory and thrown away after: no mock, no shared server, no state between test files. `.ci/run`
 * installs the package where it is missing; a machine without it skips (see {@link postgresUnavailable}).
 */
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Where Debian's `postgresql` package puts each major version's server binaries. */
const POSTGRES_ROOT = "/usr/lib/postgresql";

/** A running throwaway server and the database made for the test. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/graft`: trust auth, no password. */
  url: string;
  /** Stops the server at once (no checkpoint: its data is thrown away) and removes its directory. */
  stop(): Promise<void>;
}

/** The server binaries' folder of the highest installed major version, or null when none is. */
export function postgresBinDir(): string | null {
  if (!existsSync(POSTGRES_ROOT)) return null;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(POSTGRES_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(POSTGRES_ROOT, versions[0], "bin");
}

/** Why {@link startPostgres} cannot run here, or null when it can: for `describe.skipIf` and its message. */
export function postgresUnavailable(): string | null {
  return postgresBinDir() === null
    ? `no PostgreSQL server binaries under ${POSTGRES_ROOT}/*/bin (apt-get install postgresql; .ci/run does)`
    : null;
}

/** A loopback port nothing listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb and postgres refuse to run as root, so as root every server command runs as the
 * `postgres` user the Debian package creates, on a directory handed to that user.
 */
function asServerUser(dir: string): (bin: string, args: string[]) => [string, string[]] {
  if (process.getuid?.() !== 0) return (bin, args) => [bin, args];
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  } catch {
    throw new Error("running as root, and there is no postgres user to run the server as (the postgresql package creates it)");
  }
  chownSync(dir, uid, gid);
  return (bin, args) => ["runuser", ["-u", "postgres", "--", bin, ...args]];
}

/** Stops the server at once; safe to call twice or on a server that never started. */
function stopNow(command: (bin: string, args: string[]) => [string, string[]], pgCtl: string, data: string): void {
  if (!existsSync(join(data, "postmaster.pid"))) return;
  const [file, args] = command(pgCtl, ["stop", "-D", data, "-m", "immediate", "-w"]);
  try {
    execFileSync(file, args, { stdio: "ignore" });
  } catch {
    // Already gone: nothing to stop.
  }
}

/**
 * Why `what` (tests of the PostgreSQL path) must skip on this machine, or null when they can run;
 * a skip is logged with its reason. Under CI it throws instead: `.ci/run` installs PostgreSQL, so a
 * missing server is a broken set-up, and a skip would let the PostgreSQL path go untested unnoticed.
 */
export function postgresSkipReason(what: string): string | null {
  const reason = postgresUnavailable();
  if (reason === null) return null;
  if (process.env["CI"]) throw new Error(`CI is set, so ${what} must run, but ${reason}`);
  console.warn(`Skipping ${what}: ${reason}`);
  return reason;
}

/**
 * Starts a fresh PostgreSQL server on a free 127.0.0.1 port with its data, socket and log in a new
 * temporary directory, and creates the database `graft` in it. Built for speed, not durability
 * (fsync off, no sync at initdb); the C locale makes text sort by code point, as SQLite's BINARY
 * collation does. Throws when no server binaries are installed: guard with {@link postgresUnavailable}.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (bin === null) throw new Error(postgresUnavailable() ?? "no PostgreSQL");
  const dir = mkdtempSync(join(tmpdir(), "graft-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const pgCtl = join(bin, "pg_ctl");
  let command: (bin: string, args: string[]) => [string, string[]];
  try {
    command = asServerUser(dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  // cwd: the server user may not be allowed into the test's working directory (/root).
  const exec = (binary: string, args: string[]) => {
    const [file, argv] = command(binary, args);
    return run(file, argv, { cwd: dir, env: { ...process.env, LC_ALL: "C" } });
  };

  // A process that dies before stop() (a crashed worker, Ctrl-C) still takes its server along.
  const onExit = () => {
    stopNow(command, pgCtl, data);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const stop = async () => {
    process.removeListener("exit", onExit);
    stopNow(command, pgCtl, data);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await exec(join(bin, "initdb"), [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
      "--no-instructions",
    ]);
    const port = await freePort();
    // Settings in the file rather than on pg_ctl's -o, which goes through a shell.
    const conf = join(data, "postgresql.conf");
    writeFileSync(
      conf,
      `${readFileSync(conf, "utf8")}
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${dir}'
fsync = off
synchronous_commit = off
full_page_writes = off
`,
    );
    try {
      await exec(pgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "60"]);
    } catch (e) {
      const tail = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "(no log)";
      throw new Error(`pg_ctl start failed: ${(e as Error).message}\n${tail}`);
    }
    const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await admin.connect();
    try {
      await admin.query("CREATE DATABASE graft");
    } finally {
      await admin.end();
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/graft`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
