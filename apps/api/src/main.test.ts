import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_DIR } from "./test/processes";

// `src/main.ts` started as `npm start` starts it, on a data directory it cannot use: it must stop at
// once with one line naming the path and the cause, not a SQLITE_CANTOPEN stack from the driver.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "graft-main-"));
  chmodSync(dir, 0o755); // reachable for the unprivileged user below
});

const isRoot = process.getuid?.() === 0;
/**
 * Root writes through permission bits, so a read-only directory is only read-only to someone else:
 * as root the EACCES case runs as `nobody` through runuser (skipped where there is none).
 */
const asUnprivileged = isRoot ? (existsSync("/usr/sbin/runuser") ? ["/usr/sbin/runuser", "-u", "nobody", "--"] : null) : [];
afterAll(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

function startApi(dataDir: string, prefix: string[] = []): { status: number | null; stderr: string; stdout: string } {
  const [command = process.execPath, ...args] = [...prefix, process.execPath, "--import", "tsx", "src/main.ts"];
  const result = spawnSync(command, args, {
    cwd: API_DIR,
    // HOME: tsx keeps a cache there, which `nobody` must be able to write.
    env: { ...process.env, HOME: dir, GRAFT_DATA_DIR: dataDir, GRAFT_API_PORT: "0", GRAFT_API_TOKEN: "a-test-token-of-enough-length" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("API start-up on an unusable data directory", () => {
  it("fails with one line naming the path when the directory cannot exist (under a regular file; holds as root too)", () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a directory");
    const dataDir = join(file, "data");
    const { status, stderr, stdout } = startApi(dataDir);
    expect(status).toBe(2);
    expect(stdout).not.toContain("ready");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(JSON.stringify(dataDir));
    expect(lines[0]).toMatch(/^Graft API configuration error: data directory .* cannot be created \(ENOTDIR: /);
    expect(stderr).not.toMatch(/SQLITE_CANTOPEN|\n\s+at /);
  });

  it.skipIf(asUnprivileged === null)("fails with EACCES naming the path when the directory is read-only to the API's user", () => {
    const dataDir = join(dir, "read-only");
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o555);
    try {
      const { status, stderr } = startApi(dataDir, asUnprivileged ?? []);
      expect(status).toBe(2);
      expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/data directory ".*read-only" is not writable \(EACCES: /)]);
    } finally {
      chmodSync(dataDir, 0o700);
    }
  });
});
