/**
 * `graft db copy` end to end: the command line, its output (progress, the counts table) and exit
 * codes, over a real SQLite tracker and a real PostgreSQL server (`@graft/schema/testing`); once
 * through the real `graft` binary too.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "@graft/schema/db";
import { COPIED_TABLES } from "@graft/schema/db/copy";
import { postgresSkipReason, startPostgres, type TestPostgres, writeSampleTracker } from "@graft/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli";
import { createFakeEngine } from "../testing/fake-engine";
import { memoryIo, type MemoryIo } from "../testing/memory-io";

const unavailable = postgresSkipReason("graft db copy's PostgreSQL tests");

const GRAFT_BIN = fileURLToPath(new URL("../../bin/graft.mjs", import.meta.url));

let tmp: string;
let source: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "graft-db-cli-"));
  source = path.join(tmp, "data", "graft.db");
  const db = openDatabase(source);
  writeSampleTracker(db);
  db.$client.close();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function graft(argv: string[]): Promise<{ code: number; io: MemoryIo }> {
  const io = memoryIo(createFakeEngine(), { cwd: tmp });
  return { code: await runCli(argv, io), io };
}

describe("graft db copy", () => {
  it("prints its help, and is listed in graft's", async () => {
    const help = await graft(["db", "copy", "--help"]);
    expect(help.code).toBe(0);
    expect(help.io.out()).toContain("Usage: graft db copy --from DB --to DB [--replace]");
    expect((await graft(["--help"])).io.out()).toMatch(/db copy +copy a tracker between databases/);
    expect((await graft(["db"])).code).toBe(2);
  });

  it("exits 2 with the reason for a bad command line or location, never printing a password", async () => {
    const cases: [string[], string][] = [
      [
        ["db", "copy", "--to", "x.db"],
        "graft db: graft db copy needs --from DB, the tracker to copy (a SQLite file or a postgres:// URL) (see graft db --help)",
      ],
      [["db", "copy", "--from", "data/graft.db"], "graft db: graft db copy needs --to DB"],
      [["db", "copy", "--from", "data/graft.db", "--to", "b.db", "--force"], "Unknown option '--force'"],
      [["db", "move"], 'graft db: unknown subcommand "move"; graft db has one: copy (see graft db --help)'],
      [
        ["db", "copy", "--from", "data/graft.db", "--to", "mysql://root:hunter2@db/graft"],
        'graft db: --to must be a SQLite file path, a file: URL or a postgres:// URL; got "mysql://***@db/graft" (see graft db --help)',
      ],
      [["db", "copy", "--from", "postgres://u:hunter2@db", "--to", "b.db"], "--from must name a database"],
      [
        ["db", "copy", "--from", "missing.db", "--to", "b.db"],
        `graft db copy: the source database ${path.join(tmp, "missing.db")} does not exist`,
      ],
      [
        ["db", "copy", "--from", "data/graft.db", "--to", "./data/../data/graft.db"],
        "graft db copy: --from and --to name the same database",
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, io } = await graft(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(io.err()).toContain(message);
      expect(io.err() + io.out()).not.toContain("hunter2");
    }
    expect(fs.existsSync(path.join(tmp, "b.db"))).toBe(false);
  });

  it("runs through the graft binary: a SQLite backup, then a refusal to copy over it", async () => {
    const run = promisify(execFile);
    const backup = path.join(tmp, "backup.db");
    const { stdout } = await run(process.execPath, [GRAFT_BIN, "db", "copy", "--from", source, "--to", `file://${backup}`], { cwd: tmp });
    expect(stdout).toMatch(/copied 33 rows in 13 tables in [\d.]+ s; every count matches \(not copied: storage_probe/);
    const again = await run(process.execPath, [GRAFT_BIN, "db", "copy", "--from", source, "--to", backup], { cwd: tmp }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(again?.code).toBe(2);
    expect(again?.stderr).toMatch(
      /^graft db copy: the target .*backup\.db already holds a tracker \(.*\); pass --replace to empty it and copy over it\n$/,
    );
  }, 60_000);

  describe.skipIf(unavailable !== null)("into PostgreSQL", () => {
    let server: TestPostgres;
    let url: string;
    beforeAll(async () => {
      server = await startPostgres();
      // The test server trusts every login, so a password in the URL is ignored: the output can be checked for it.
      url = server.url.replace("postgres@", "postgres:hunter2@");
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    }, 60_000);

    it("copies the tracker, printing each table and the counts it checked; refuses to copy over it without --replace", async () => {
      const first = await graft(["db", "copy", "--from", "./data/graft.db", "--to", url]);
      expect(first.io.err()).toBe("");
      expect(first.code).toBe(0);
      const out = first.io.out();
      expect(out).toMatch(/^copying .*data\/graft\.db → postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/graft\n/);
      for (const t of COPIED_TABLES) expect(out).toMatch(new RegExp(`^copied ${t.name} +\\d+ rows?  +\\d+\\.\\d\\d s$`, "m"));
      expect(out).toMatch(/^table +source +target$/m);
      expect(out).toMatch(/^runs +3 +3$/m);
      expect(out).toMatch(/^epochs +9 +9$/m);
      expect(out).not.toContain("✗");
      expect(out).not.toContain("hunter2");

      const again = await graft(["db", "copy", "--from", "data/graft.db", "--to", url]);
      expect(again.code).toBe(2);
      expect(again.io.err()).toMatch(
        /^graft db copy: the target postgres:\/\/postgres:\*\*\*@.* already holds a tracker \(agents: 2 rows, .*\); pass --replace/,
      );
      expect(again.io.err()).not.toContain("hunter2");

      const replaced = await graft(["db", "copy", "--from", "data/graft.db", "--to", url, "--replace"]);
      expect(replaced.code).toBe(0);
      expect(replaced.io.out()).toContain("(replacing what it holds)");
      expect(replaced.io.out()).toMatch(/emptied the target first \(rows it held: .*runs 3.*\)/);
    }, 60_000);

    it("exits 1 naming an unreachable server without its password", async () => {
      const { code, io } = await graft(["db", "copy", "--from", "data/graft.db", "--to", url.replace(/:\d+\//, ":1/")]);
      expect(code).toBe(1);
      expect(io.err()).toMatch(
        /^graft db copy: cannot connect to the target database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/graft: /,
      );
      expect(io.err()).not.toContain("hunter2");
    });
  });
});
