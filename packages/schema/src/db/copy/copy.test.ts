/**
 * `copyDatabase` against real databases: a SQLite tracker with rows in every table (the sample of
 * `@graft/schema/testing`) copied into a real PostgreSQL server and back, compared row by row; the
 * refusals (non-empty target, same database, missing or foreign or mismatched source, bad URLs)
 * and a copy that fails half-way, each leaving the target as it was.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle as sqliteDrizzle } from "drizzle-orm/better-sqlite3";
import { drizzle as pgDrizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresSkipReason, startPostgres, type TestPostgres, writeSampleTracker } from "../../testing";
import { openDatabase } from "../index";
import { notes } from "../schema";
import { copyDatabase, type CopyReport, DbCopyError, parseDbLocation } from "./index";
import { type Row } from "./side";
import { COPIED_TABLES, SKIPPED_TABLES } from "./tables";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { getTableName, type Table } from "drizzle-orm";

const unavailable = postgresSkipReason("the PostgreSQL copy tests");

type Tracker = Record<string, Row[]>;

/** Rows sorted by primary key in JS, so neither dialect's collation decides the order compared. */
function sorted(rows: Row[], primaryKey: string[]): Row[] {
  const key = (r: Row) => JSON.stringify(primaryKey.map((k) => r[k]));
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Every copied table of a SQLite file, read through the sqlite-core tables. */
function readSqlite(file: string): Tracker {
  const client = new Database(file, { readonly: true });
  try {
    const db = sqliteDrizzle(client);
    return Object.fromEntries(COPIED_TABLES.map((t) => [t.name, sorted(db.select().from(t.sqlite).all(), t.primaryKey)]));
  } finally {
    client.close();
  }
}

/** Every copied table of a PostgreSQL database, read through the pg-core twins. */
async function readPg(url: string): Promise<Tracker> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const db = pgDrizzle({ client });
    const out: Tracker = {};
    for (const t of COPIED_TABLES) out[t.name] = sorted(await db.select().from(t.pg), t.primaryKey);
    return out;
  } finally {
    await client.end();
  }
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** A new SQLite tracker file holding the sample (`runs` runs). */
function sampleFile(dir: string, name: string, runs = 3): string {
  const file = join(dir, name);
  const db = openDatabase(file);
  writeSampleTracker(db, runs);
  // Checkpoint and leave rollback-journal mode, as a tracker whose API stopped cleanly is left.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return file;
}

async function copyError(promise: Promise<unknown>): Promise<DbCopyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DbCopyError);
  return error as DbCopyError;
}

const sqlite = (file: string) => parseDbLocation(file, "--from", "/");
const postgres = (url: string) => parseDbLocation(url, "--to", "/");

describe("the copied tables", () => {
  it("are every table but the health check's scratch one, each after the tables it references", () => {
    expect(SKIPPED_TABLES).toEqual(["storage_probe"]);
    expect(COPIED_TABLES.map((t) => t.name).sort()).toEqual(
      [
        "agents",
        "artifacts",
        "datasets",
        "epochs",
        "evaluations",
        "experiments",
        "notes",
        "run_checkpoints",
        "run_predictions",
        "run_tags",
        "runs",
        "sweeps",
        "test_set_evaluations",
      ].sort(),
    );
    const position = new Map(COPIED_TABLES.map((t, i) => [t.name, i]));
    for (const t of COPIED_TABLES)
      for (const fk of getTableConfig(t.sqlite).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable as Table);
        expect(position.get(parent), `${t.name} → ${parent}`).toBeLessThan(position.get(t.name) as number);
      }
    expect(COPIED_TABLES.find((t) => t.name === "epochs")?.primaryKey).toEqual(["runId", "epoch"]);
  });
});

describe("parseDbLocation", () => {
  it("reads paths, file: URLs and postgres URLs, and refuses anything else quoting it without its password", () => {
    expect(parseDbLocation("./data/graft.db", "--from", "/srv/graft")).toEqual({ dialect: "sqlite", file: "/srv/graft/data/graft.db" });
    expect(parseDbLocation("file:///tmp/x.db", "--from", "/")).toEqual({ dialect: "sqlite", file: "/tmp/x.db" });
    expect(parseDbLocation("postgresql://u:pw@db:5432/graft", "--to", "/")).toEqual({
      dialect: "postgres",
      url: "postgresql://u:pw@db:5432/graft",
    });
    expect(parseDbLocation("postgres:///graft?host=/run/postgresql", "--to", "/").dialect).toBe("postgres");
    const refused = (value: string) => {
      try {
        parseDbLocation(value, "--to", "/");
      } catch (error) {
        expect(error).toBeInstanceOf(DbCopyError);
        expect((error as DbCopyError).code).toBe("BAD_LOCATION");
        return (error as Error).message;
      }
      throw new Error(`accepted ${value}`);
    };
    expect(refused("mysql://root:hunter2@db/graft")).toBe(
      '--to must be a SQLite file path, a file: URL or a postgres:// URL; got "mysql://***@db/graft"',
    );
    expect(refused("postgres://u:hunter2@db:5432")).toBe(
      '--to must name a database, like postgres://user:password@host:5432/graft; got "postgres://u:***@db:5432"',
    );
    expect(refused("postgres://u:hun/ter2@db:99999/graft")).toContain('"postgres://***@db:99999/graft"');
    expect(refused("")).toContain("--to is empty");
    for (const value of ["mysql://root:hunter2@db/graft", "postgres://u:hunter2@db:5432", "postgres://u:hun/ter2@db:99999/graft"])
      expect(refused(value)).not.toContain("hunter2");
  });
});

describe("copyDatabase refusals that need no server", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "graft-copy-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a missing source, a folder, a file that is not a Graft database, and the same file twice", async () => {
    const missing = await copyError(copyDatabase({ from: sqlite(join(dir, "nope.db")), to: sqlite(join(dir, "out.db")) }));
    expect([missing.code, missing.message]).toEqual(["SOURCE_MISSING", `the source database ${join(dir, "nope.db")} does not exist`]);
    expect((await copyError(copyDatabase({ from: sqlite(dir), to: sqlite(join(dir, "out.db")) }))).code).toBe("SOURCE_MISSING");

    const text = join(dir, "notes.txt");
    writeFileSync(text, "not a database at all, just some text that is long enough to have a header".repeat(10));
    const notDb = await copyError(copyDatabase({ from: sqlite(text), to: sqlite(join(dir, "out.db")) }));
    expect(notDb.code).toBe("NOT_GRAFT_DATABASE");
    expect(notDb.message).toContain(text);

    const foreign = join(dir, "foreign.db");
    new Database(foreign).exec("CREATE TABLE t (x)").close();
    const foreignError = await copyError(copyDatabase({ from: sqlite(foreign), to: sqlite(join(dir, "out.db")) }));
    expect([foreignError.code, foreignError.message]).toEqual([
      "NOT_GRAFT_DATABASE",
      `the source ${foreign} is not a Graft database (it has no Graft migrations)`,
    ]);
    // Nor is Graft written into someone else's file.
    const source = sampleFile(dir, "sample.db");
    expect((await copyError(copyDatabase({ from: sqlite(source), to: sqlite(foreign) }))).code).toBe("NOT_GRAFT_DATABASE");

    const same = await copyError(copyDatabase({ from: sqlite(source), to: sqlite(`${dir}/./sample.db`) }));
    expect(same.code).toBe("SAME_DATABASE");
    expect(existsSync(join(dir, "out.db"))).toBe(false);
  });

  it("refuses a source migrated by an older or a newer release, or missing a table", async () => {
    const older = sampleFile(dir, "older.db");
    new Database(older)
      .exec("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)")
      .close();
    const olderError = await copyError(copyDatabase({ from: sqlite(older), to: sqlite(join(dir, "o.db")) }));
    expect(olderError.code).toBe("SOURCE_OUTDATED");
    expect(olderError.message).toContain("start this release's API on it once");

    // An older tracker as the target: refused before it is migrated (the file is unchanged).
    const olderTarget = sampleFile(dir, "older-target.db");
    new Database(olderTarget)
      .exec("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)")
      .close();
    const before = sha256(olderTarget);
    const source = sampleFile(dir, "current.db");
    const outdated = await copyError(copyDatabase({ from: sqlite(source), to: sqlite(olderTarget) }));
    expect(outdated.code).toBe("TARGET_OUTDATED");
    expect(outdated.message).toContain("--replace");
    expect(sha256(olderTarget)).toBe(before);
    // (--replace would migrate it; this file only pretends to be older, its schema is current.)

    const newer = sampleFile(dir, "newer.db");
    new Database(newer)
      .exec(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ${Date.now() + 10 * 365 * 86_400_000})`)
      .close();
    expect((await copyError(copyDatabase({ from: sqlite(newer), to: sqlite(join(dir, "n.db")) }))).code).toBe("NEWER_THAN_RELEASE");
    expect(existsSync(join(dir, "o.db")) || existsSync(join(dir, "n.db"))).toBe(false);

    const partial = sampleFile(dir, "partial.db");
    new Database(partial).exec("DROP TABLE notes").close();
    const partialError = await copyError(copyDatabase({ from: sqlite(partial), to: sqlite(join(dir, "p.db")) }));
    expect([partialError.code, partialError.message]).toEqual([
      "NOT_GRAFT_DATABASE",
      `the source ${partial} is not a Graft database: it lacks the tables notes`,
    ]);
  });

  it("copies SQLite to a new SQLite file, page by page, and refuses to copy over it again", async () => {
    const source = sampleFile(dir, "backup-source.db", 5);
    const target = join(dir, "backup.db");
    const report = await copyDatabase({ from: sqlite(source), to: sqlite(target), pageRows: 2 });
    expect(readSqlite(target)).toEqual(readSqlite(source));
    expect(report.tables.find((t) => t.table === "epochs")).toMatchObject({ sourceRows: 15, targetRows: 15 });
    const again = await copyError(copyDatabase({ from: sqlite(source), to: sqlite(target) }));
    expect(again.code).toBe("TARGET_NOT_EMPTY");
    expect(again.message).toContain("experiments: 2 rows");
    expect(again.message).toContain("epochs: 15 rows");
  });
});

describe.skipIf(unavailable !== null)("copyDatabase with a real PostgreSQL server", () => {
  let server: TestPostgres;
  let dir: string;
  let source: string;
  let sourceRows: Tracker;
  let databases = 0;

  /** A new, empty database on the test server; its URL carries a password the server ignores (trust), so output can be checked for it. */
  async function newDatabase(): Promise<string> {
    const name = `copy_${++databases}`;
    const admin = new pg.Client({ connectionString: server.url.replace(/\/graft$/, "/postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return server.url.replace("postgres@", "postgres:S3cretPw@").replace(/\/graft$/, `/${name}`);
  }

  beforeAll(async () => {
    server = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), "graft-copy-pg-"));
    source = sampleFile(dir, "graft.db");
    sourceRows = readSqlite(source);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("copies every row of every table to PostgreSQL as it was, without touching the source", async () => {
    const before = { sha: sha256(source), mtime: statSync(source).mtimeMs };
    const url = await newDatabase();
    const progress: string[] = [];
    const report = await copyDatabase({ from: sqlite(source), to: postgres(url), onTable: (t) => progress.push(t.table) });
    expect(progress).toEqual(COPIED_TABLES.map((t) => t.name));
    expect(report.replaced).toEqual([]);
    for (const t of report.tables) expect(t.targetRows, t.table).toBe(t.sourceRows);
    expect(report.tables.every((t) => t.sourceRows > 0)).toBe(true);

    const copied = await readPg(url);
    for (const t of COPIED_TABLES) expect(copied[t.name], t.name).toEqual(sourceRows[t.name]);
    const probabilities = copied.run_predictions?.[0]?.probabilities as Buffer;
    expect(Buffer.isBuffer(probabilities) && probabilities.length).toBe(16 + 256);
    expect(copied.run_checkpoints?.[0]?.bytes).toBe(5_000_000_000);
    expect({ sha: sha256(source), mtime: statSync(source).mtimeMs }).toEqual(before);
    // A read-only connection may leave WAL mode's empty side files; the database file is untouched.
    if (existsSync(`${source}-wal`)) expect(statSync(`${source}-wal`).size).toBe(0);
  }, 60_000);

  it("refuses a target that holds rows, naming the tables, and leaves it alone; --replace copies over it", async () => {
    const url = await newDatabase();
    await copyDatabase({ from: sqlite(source), to: postgres(url) });
    const other = sampleFile(dir, "bigger.db", 6);
    const refused = await copyError(copyDatabase({ from: sqlite(other), to: postgres(url) }));
    expect(refused.code).toBe("TARGET_NOT_EMPTY");
    expect(refused.message).toMatch(
      /^the target postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/copy_\d+ already holds a tracker \(.*\); pass --replace to empty it and copy over it$/,
    );
    for (const held of ["agents: 2 rows", "runs: 3 rows", "epochs: 9 rows", "sweeps: 1 row,"]) expect(refused.message).toContain(held);
    expect(refused.message).not.toContain("S3cretPw");
    expect(await readPg(url)).toEqual(sourceRows);

    const report: CopyReport = await copyDatabase({ from: sqlite(other), to: postgres(url), replace: true });
    expect(report.replaced).toContainEqual({ table: "runs", rows: 3 });
    expect(await readPg(url)).toEqual(readSqlite(other));
  }, 60_000);

  it("rolls back a copy that fails half-way: the target keeps what it held", async () => {
    const url = await newDatabase();
    await copyDatabase({ from: sqlite(source), to: postgres(url) });
    // PostgreSQL text cannot hold U+0000, SQLite's can: a real failure in a late table (notes come after runs).
    const bad = join(dir, "nul.db");
    copyFileSync(sampleFile(dir, "nul-source.db", 4), bad);
    const db = openDatabase(bad);
    db.insert(notes).values({ id: "note-nul", runId: "run-4", text: "a\u0000b", createdAt: 1 }).run();
    db.$client.close();
    const failed = await copyError(copyDatabase({ from: sqlite(bad), to: postgres(url), replace: true }));
    expect(failed.code).toBe("COPY_FAILED");
    expect(failed.message).toMatch(/^copying notes failed in the 3 rows from \("note-1"\) on: .*0x00.*; the target was left as it was$/);
    expect(await readPg(url)).toEqual(sourceRows);
  }, 60_000);

  it("checks every table's count before the commit: a mismatch rolls the copy back", async () => {
    const url = await newDatabase();
    await copyDatabase({ from: sqlite(source), to: postgres(url) });
    // A trigger that silently drops one note on insert: the statement succeeds, the count is short.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE FUNCTION drop_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
      CREATE TRIGGER drop_empty_note BEFORE INSERT ON notes FOR EACH ROW WHEN (NEW.text = '') EXECUTE FUNCTION drop_row()`);
    await client.end();
    const mismatch = await copyError(copyDatabase({ from: sqlite(source), to: postgres(url), replace: true }));
    expect([mismatch.code, mismatch.message]).toEqual([
      "COUNT_MISMATCH",
      "row counts differ after the copy (notes: 2 in the source, 1 in the target); the target was left as it was",
    ]);
    expect(await readPg(url)).toEqual(sourceRows);
  }, 60_000);

  it("copies PostgreSQL back into a new SQLite file, page by page, equal to the original", async () => {
    const url = await newDatabase();
    await copyDatabase({ from: sqlite(source), to: postgres(url) });
    const back = join(dir, "back.db");
    const report = await copyDatabase({ from: parseDbLocation(url, "--from", "/"), to: sqlite(back), pageRows: 2 });
    expect(report.tables.reduce((n, t) => n + t.targetRows, 0)).toBe(Object.values(sourceRows).reduce((n, rows) => n + rows.length, 0));
    expect(readSqlite(back)).toEqual(sourceRows);
    // PostgreSQL to PostgreSQL (another database on the server) as well.
    const second = await newDatabase();
    await copyDatabase({ from: parseDbLocation(url, "--from", "/"), to: postgres(second), pageRows: 3 });
    expect(await readPg(second)).toEqual(sourceRows);
    expect(
      (await copyError(copyDatabase({ from: parseDbLocation(url, "--from", "/"), to: postgres(url.replace("S3cretPw", "other")) }))).code,
    ).toBe("SAME_DATABASE");
  }, 60_000);

  it("names an unreachable server or a missing database without the password", async () => {
    const url = server.url.replace("postgres@", "postgres:S3cretPw@").replace(/:\d+\//, ":1/");
    const error = await copyError(copyDatabase({ from: sqlite(source), to: postgres(url) }));
    expect(error.code).toBe("UNREACHABLE");
    expect(error.message).toMatch(
      /^cannot connect to the target database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/graft: .*ECONNREFUSED/,
    );
    expect(error.message).not.toContain("S3cretPw");
    const noDatabase = await copyError(copyDatabase({ from: sqlite(source), to: postgres(server.url.replace(/\/graft$/, "/missing_db")) }));
    expect(noDatabase.message).toMatch(
      /database "missing_db" does not exist \(create it first: createdb -T template0 --lc-collate=C --lc-ctype=C missing_db\)$/,
    );
  });
});
