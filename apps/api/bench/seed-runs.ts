/**
 * The runs the latency sections read: `n` COMPLETED runs × 30 epochs (and an evaluation on the
 * first 20, for compareRuns' matrices), written straight into the server's database with raw SQL,
 * the same rows on either dialect. PostgreSQL is ANALYZEd after, as a long-running server's
 * autovacuum would have done.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { newId } from "@graft/schema/db";

export const EPOCHS_PER_RUN = 30;
/** Runs given an evaluation (compareRuns compares 20). */
export const EVALUATED_RUNS = 20;

/** One seeded run's varying columns. */
export interface SeedRun {
  id: string;
  name: string;
  baseModel: string;
  dropout: number;
  learningRate: number;
  /** created/started at; finished a minute later. */
  t: number;
  best: number;
  bestEpoch: number;
  final: number;
}

const MODELS = ["mobilenet_v1_0.25_224", "vgg16", "resnet50", "efficientnet_b0"];

/** The `n` runs to seed, ids in creation order. */
export function seedRuns(n: number, t0 = Date.now()): SeedRun[] {
  return Array.from({ length: n }, (_, i) => {
    const best = ((i * 7919) % 1000) / 1000;
    return {
      id: newId(t0 + i),
      name: `seed-${i}`,
      baseModel: MODELS[i % 4] as string,
      dropout: (i % 5) / 10,
      learningRate: 0.0001 * (1 + (i % 50)),
      t: t0 + i,
      best,
      bestEpoch: 1 + (i % 30),
      final: best * 0.95,
    };
  });
}

/** Epoch `e` (1-based) of a seeded run: loss, accuracy, val loss, val accuracy. */
function seedEpoch(run: SeedRun, e: number): [number, number, number, number] {
  const acc = run.best * (e / EPOCHS_PER_RUN);
  return [1 / e, acc, 1.1 / e, acc];
}

/** The evaluation of the `i`th evaluated run: labels and confusion matrix (JSON); alternate label sets, so compareRuns aligns them. */
function seedEvaluation(i: number): [string, string] {
  return [
    JSON.stringify(i % 2 ? ["a", "b", "c"] : ["b", "c", "d"]),
    JSON.stringify([
      [5, 1, 0],
      [1, 5, 1],
      [0, 1, 5],
    ]),
  ];
}

/** Writes the seeded runs into the bench server's database (dataset `datasetId` already exists). */
export type RunSeeder = (runs: readonly SeedRun[], datasetId: string) => Promise<void>;

// The constant columns of every seeded run, shared by both dialects' statements.
const RUN_COLUMNS = `id, name, dataset_id, base_model, dropout, learning_rate, created_at, best_val_accuracy, best_epoch, final_val_accuracy,
  status, input_size, head_units, head_units_total, augmentation, optimizer, epochs, fine_tune_layers, fine_tune_epochs,
  fine_tune_learning_rate, batch_size, seed, validation_split, started_at, finished_at, duration_ms, final_val_loss, epoch_count, attempts`;
const RUN_CONSTANTS = (t: string, json: string) =>
  `'COMPLETED', 224, '[128]'${json}, 128, 'flip', 'adam', 30, 0, 0, 0.00001, 32, 1, 0.2, ${t}, ${t} + 60000, 60000, 0.5, ${EPOCHS_PER_RUN}, 1`;
const EPOCH_COLUMNS =
  "run_id, epoch, loss, accuracy, val_loss, val_accuracy, phase, learning_rate, duration_ms, images_per_sec, created_at";
const EVALUATION_COLUMNS = "run_id, labels, confusion_matrix, per_class, misclassified, accuracy, macro_f1, weighted_f1, created_at";

/** SQLite: prepared INSERTs in one transaction on the server's file (`<dataDir>/graft.db`). */
export function sqliteSeeder(dataDir: string): RunSeeder {
  return async (runs, datasetId) => {
    const db = new Database(join(dataDir, "graft.db"));
    try {
      db.pragma("busy_timeout = 5000");
      const runIns = db.prepare(
        `INSERT INTO runs (${RUN_COLUMNS}) VALUES (@id, @name, @datasetId, @baseModel, @dropout, @learningRate, @t, @best, @bestEpoch,
          @final, ${RUN_CONSTANTS("@t", "")})`,
      );
      const epIns = db.prepare(`INSERT INTO epochs (${EPOCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 'HEAD', 0.001, 1000, 50, ?)`);
      const evIns = db.prepare(`INSERT INTO evaluations (${EVALUATION_COLUMNS}) VALUES (?, ?, ?, '[]', '[]', 0.8, 0.8, 0.8, 0)`);
      db.transaction(() => {
        for (const [i, r] of runs.entries()) {
          runIns.run({ ...r, datasetId });
          for (let e = 1; e <= EPOCHS_PER_RUN; e++) epIns.run(r.id, e, ...seedEpoch(r, e), r.t);
          if (i < EVALUATED_RUNS) evIns.run(r.id, ...seedEvaluation(i));
        }
      })();
    } finally {
      db.close();
    }
  };
}

/** Runs per PostgreSQL statement: one array parameter per column (`unnest`), 30,000 epochs at a time. */
const PG_RUNS_PER_STATEMENT = 1000;

/** PostgreSQL: `INSERT … SELECT FROM unnest(arrays)` in one transaction, then ANALYZE. */
export function pgSeeder(url: string): RunSeeder {
  return async (runs, datasetId) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      for (let start = 0; start < runs.length; start += PG_RUNS_PER_STATEMENT) {
        const chunk = runs.slice(start, start + PG_RUNS_PER_STATEMENT);
        const col = <K extends keyof SeedRun>(k: K) => chunk.map((r) => r[k]);
        await client.query(
          `INSERT INTO runs (${RUN_COLUMNS})
           SELECT id, name, $10, base_model, dropout, lr, t, best, best_epoch, final, ${RUN_CONSTANTS("t", "::json")}
           FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::int8[], $7::float8[], $8::int[], $9::float8[])
             AS s(id, name, base_model, dropout, lr, t, best, best_epoch, final)`,
          [
            col("id"),
            col("name"),
            col("baseModel"),
            col("dropout"),
            col("learningRate"),
            col("t"),
            col("best"),
            col("bestEpoch"),
            col("final"),
            datasetId,
          ],
        );
        const epochColumns: unknown[][] = [[], [], [], [], [], [], []];
        for (const r of chunk)
          for (let e = 1; e <= EPOCHS_PER_RUN; e++) [r.id, e, ...seedEpoch(r, e), r.t].forEach((v, c) => epochColumns[c]?.push(v));
        await client.query(
          `INSERT INTO epochs (${EPOCH_COLUMNS})
           SELECT run_id, epoch, loss, accuracy, val_loss, val_accuracy, 'HEAD', 0.001, 1000, 50, t
           FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::int8[])
             AS s(run_id, epoch, loss, accuracy, val_loss, val_accuracy, t)`,
          epochColumns,
        );
      }
      for (const [i, r] of runs.slice(0, EVALUATED_RUNS).entries())
        await client.query(
          `INSERT INTO evaluations (${EVALUATION_COLUMNS}) VALUES ($1, $2::json, $3::json, '[]', '[]', 0.8, 0.8, 0.8, 0)`,
          [r.id, ...seedEvaluation(i)],
        );
      await client.query("COMMIT");
      await client.query("ANALYZE");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      await client.end();
    }
  };
}
