/**
 * The "raw" side of the logEpochs ratio: the same epoch rows inserted straight through each
 * dialect's driver, 50 per transaction, into an empty database of the API's schema that no server
 * touches. SQLite: a prepared INSERT per row in a better-sqlite3 transaction. PostgreSQL: one
 * multi-row INSERT (a named prepared statement) between BEGIN and COMMIT on one `pg` connection.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { newId, openDatabase } from "@graft/schema/db";
import { migratePg } from "@graft/schema/db/pg";
import { type epoch } from "../src/test/fixtures";

/** One epoch as the bench's agents log it. */
export type EpochRow = ReturnType<typeof epoch>;

/** Inserts epoch batches into a database of its own. */
export interface RawInserter {
  /** How it inserts, for the bench's legend. */
  readonly description: string;
  /** Creates a RUNNING run to insert into and returns its id. */
  newRun(): Promise<string>;
  /** Inserts `rows` for `runId` in one transaction. */
  insertBatch(runId: string, rows: readonly EpochRow[]): Promise<void>;
  close(): Promise<void>;
}

const DATASET = "INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 0)";
const RUN = `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
  learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at)
  VALUES ($1, 'r', 'RUNNING', 'd', 'vgg16', 224, '[8]', 8, 0.2, 'none', 'adam', 0.001, 1000, 0, 0, 0.00001, 32, 1, 0.2, 0)`;
const EPOCH_COLUMNS =
  "run_id, epoch, phase, loss, accuracy, val_loss, val_accuracy, learning_rate, duration_ms, images_per_sec, created_at";
const EPOCH_WIDTH = 11;

/** One row's values in {@link EPOCH_COLUMNS}' order. */
const epochValues = (runId: string, r: EpochRow, now: number) => [
  runId,
  r.epoch,
  r.phase,
  r.loss,
  r.accuracy,
  r.valLoss,
  r.valAccuracy,
  r.learningRate,
  r.durationMs,
  r.imagesPerSec,
  now,
];

/** SQLite: a fresh file in a temporary directory, removed on close. */
export function sqliteRawInserter(): RawInserter {
  const dir = mkdtempSync(join(tmpdir(), "graft-bench-raw-"));
  const db = openDatabase(join(dir, "raw.db"));
  const c = db.$client;
  c.prepare(DATASET).run();
  const run = c.prepare(RUN.replace("$1", "?"));
  const ins = c.prepare(`INSERT INTO epochs (${EPOCH_COLUMNS}) VALUES (${Array(EPOCH_WIDTH).fill("?").join(", ")})`);
  const batch = c.transaction((runId: string, rows: readonly EpochRow[]) => {
    for (const r of rows) ins.run(...epochValues(runId, r, Date.now()));
  });
  return {
    description: "prepared INSERT per row, 50 rows per transaction (better-sqlite3)",
    newRun: async () => {
      const id = newId();
      run.run(id);
      return id;
    },
    insertBatch: async (runId, rows) => batch(runId, rows),
    close: async () => {
      c.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL: a new database `name` on the server at `serverUrl` (migrated as the API migrates its
 * own), written on one connection.
 */
export async function pgRawInserter(serverUrl: string, name = "graft_raw"): Promise<RawInserter> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  await migratePg(drizzle({ client: pool }));
  await pool.end();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(DATASET);
  // Built once per batch size, as the prepared statement is.
  const texts = new Map<number, string>();
  const insertText = (rows: number) => {
    let text = texts.get(rows);
    if (text === undefined) {
      const tuples = Array.from(
        { length: rows },
        (_, r) => `(${Array.from({ length: EPOCH_WIDTH }, (_, c) => `$${r * EPOCH_WIDTH + c + 1}`).join(", ")})`,
      );
      text = `INSERT INTO epochs (${EPOCH_COLUMNS}) VALUES ${tuples.join(", ")}`;
      texts.set(rows, text);
    }
    return text;
  };
  return {
    description: "one multi-row INSERT (named prepared statement) per 50 rows, BEGIN … COMMIT (pg, one connection)",
    newRun: async () => {
      const id = newId();
      await client.query({ name: "bench_raw_run", text: RUN, values: [id] });
      return id;
    },
    insertBatch: async (runId, rows) => {
      const now = Date.now();
      await client.query("BEGIN");
      await client.query({
        name: `bench_raw_epochs_${rows.length}`,
        text: insertText(rows.length),
        values: rows.flatMap((r) => epochValues(runId, r, now)),
      });
      await client.query("COMMIT");
    },
    close: () => client.end(),
  };
}
