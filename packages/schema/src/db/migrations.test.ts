/**
 * Migrations that rewrite data, tested from the state before them: a database migrated up to
 * 0009 (a copy of the migrations folder whose journal stops there) gets rows written the old way,
 * then {@link openDatabase} applies the rest.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase } from "./index";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A database file migrated up to and including migration `last` (e.g. "0009"), closed. */
function databaseAt(last: string): string {
  const dir = mkdtempSync(join(tmpdir(), "graft-migrations-"));
  dirs.push(dir);
  const folder = join(dir, "drizzle");
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.startsWith(`${last}_`));
  expect(cut, `migration ${last} in the journal`).toBeGreaterThanOrEqual(0);
  expect(journal.entries.length, `a migration after ${last}`).toBeGreaterThan(cut + 1);
  journal.entries = journal.entries.slice(0, cut + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  const file = join(dir, "graft.db");
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.close();
  return file;
}

describe("migration 0010 (runs.best_val_loss)", () => {
  it("recomputes every run's best epoch from its epochs: lowest finite val_loss, earlier on a tie, latest attempt only", () => {
    const file = databaseAt("0009");
    const old = new Database(file);
    expect((old.prepare("SELECT name FROM pragma_table_info('runs') WHERE name = 'best_val_loss'").all() as unknown[]).length).toBe(0);
    old.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 1)").run();
    const insertRun = old.prepare(
      `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
        learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at,
        attempts, best_val_accuracy, best_epoch, epoch_count)
       VALUES (@id, @id, 'COMPLETED', 'd', 'm', 224, '[1]', 1, 0.2, 'none', 'adam', 0.001, 5, 0, 0, 0.00001, 32, 1, 0.2, 1, @attempts, @acc, @epoch, @count)`,
    );
    const insertEpoch = old.prepare(
      `INSERT INTO epochs (run_id, epoch, attempt, phase, loss, accuracy, val_loss, val_accuracy, learning_rate, duration_ms, images_per_sec, created_at)
       VALUES (?, ?, ?, 'HEAD', 1, 0.5, ?, ?, 0.001, 1, 1, 1)`,
    );
    // [epoch, attempt, val_loss, val_accuracy]
    const runsAndEpochs: [string, number, [number, number, number | null, number | null][]][] = [
      // Most accurate (epoch 3) is not the lowest val_loss; epochs 2 and 4 tie on val_loss: epoch 2.
      [
        "accurate-not-best",
        1,
        [
          [1, 1, 0.9, 0.6],
          [2, 1, 0.4, 0.7],
          [3, 1, 0.5, 0.9],
          [4, 1, 0.4, 0.8],
        ],
      ],
      // No val_loss anywhere: NULLs, even though val accuracy was logged.
      [
        "no-val-loss",
        1,
        [
          [1, 1, null, 0.8],
          [2, 1, null, 0.9],
        ],
      ],
      ["no-epochs", 0, []],
      // An infinite val_loss never wins.
      [
        "infinite",
        1,
        [
          [1, 1, Infinity, 0.9],
          [2, 1, 0.7, 0.5],
        ],
      ],
      // A row left from attempt 1 (lowest val_loss) does not count beside attempt 2's.
      [
        "two-attempts",
        2,
        [
          [1, 2, 0.5, 0.6],
          [2, 2, 0.3, 0.65],
          [3, 1, 0.1, 0.99],
        ],
      ],
    ];
    for (const [id, attempts, rows] of runsAndEpochs) {
      // The old summary: highest val accuracy, earliest on a tie.
      const withAcc = rows.filter((r) => r[3] !== null).sort((a, b) => (b[3] as number) - (a[3] as number) || a[0] - b[0]);
      insertRun.run({ id, attempts, acc: withAcc[0]?.[3] ?? null, epoch: withAcc[0]?.[0] ?? null, count: rows.length });
      for (const [epoch, attempt, valLoss, valAccuracy] of rows) insertEpoch.run(id, epoch, attempt, valLoss, valAccuracy);
    }
    old.close();

    const db = openDatabase(file);
    const c = db.$client;
    const best = c
      .prepare("SELECT id, best_epoch AS epoch, best_val_loss AS valLoss, best_val_accuracy AS valAccuracy FROM runs ORDER BY id")
      .all();
    expect(best).toEqual([
      { id: "accurate-not-best", epoch: 2, valLoss: 0.4, valAccuracy: 0.7 },
      { id: "infinite", epoch: 2, valLoss: 0.7, valAccuracy: 0.5 },
      { id: "no-epochs", epoch: null, valLoss: null, valAccuracy: null },
      { id: "no-val-loss", epoch: null, valLoss: null, valAccuracy: null },
      { id: "two-attempts", epoch: 2, valLoss: 0.3, valAccuracy: 0.65 },
    ]);
    const indexes = (
      c.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs'").all() as { name: string }[]
    ).map((i) => i.name);
    expect(indexes).toContain("runs_best_val_loss_idx");
    // Reopening applies nothing twice.
    c.close();
    const again = openDatabase(file);
    expect(again.$client.prepare("SELECT best_epoch FROM runs WHERE id = 'accurate-not-best'").get()).toEqual({ best_epoch: 2 });
    again.$client.close();
  });
});

describe("migration 0013 (epochs.loss and accuracy nullable)", () => {
  it("keeps every epoch row and turns the Number.MAX_VALUE sentinel of a diverged epoch into NULL", () => {
    const file = databaseAt("0012");
    const old = new Database(file);
    const notNull = old
      .prepare(`SELECT name, [notnull] AS required FROM pragma_table_info('epochs') WHERE name IN ('loss', 'accuracy') ORDER BY name`)
      .all();
    expect(notNull).toEqual([
      { name: "accuracy", required: 1 },
      { name: "loss", required: 1 },
    ]);
    old.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 1)").run();
    old
      .prepare(
        `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
        learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at, attempts, epoch_count)
       VALUES ('r', 'r', 'COMPLETED', 'd', 'm', 224, '[1]', 1, 0.2, 'none', 'adam', 0.001, 3, 0, 0, 0.00001, 32, 1, 0.2, 1, 1, 3)`,
      )
      .run();
    const insertEpoch = old.prepare(
      `INSERT INTO epochs (run_id, epoch, attempt, phase, loss, accuracy, val_loss, val_accuracy, learning_rate, duration_ms, images_per_sec, created_at)
       VALUES ('r', ?, 1, 'HEAD', ?, ?, ?, 0.5, 0.001, 1200, 40, 1)`,
    );
    insertEpoch.run(1, 0.9, 0.6, 0.8);
    insertEpoch.run(2, Number.MAX_VALUE, Number.MAX_VALUE, null);
    insertEpoch.run(3, 0.25, 1, 0.3);
    old.close();

    const c = openDatabase(file).$client;
    expect(
      c.prepare("SELECT epoch, loss, accuracy, val_loss AS valLoss, duration_ms AS durationMs FROM epochs ORDER BY epoch").all(),
    ).toEqual([
      { epoch: 1, loss: 0.9, accuracy: 0.6, valLoss: 0.8, durationMs: 1200 },
      { epoch: 2, loss: null, accuracy: null, valLoss: null, durationMs: 1200 },
      { epoch: 3, loss: 0.25, accuracy: 1, valLoss: 0.3, durationMs: 1200 },
    ]);
    // Still cascades with its run, and takes a NULL loss from now on.
    c.prepare(
      "INSERT INTO epochs (run_id, epoch, attempt, phase, loss, accuracy, learning_rate, duration_ms, images_per_sec, created_at) VALUES ('r', 4, 1, 'HEAD', NULL, NULL, 0.001, 1, 1, 1)",
    ).run();
    c.prepare("DELETE FROM runs WHERE id = 'r'").run();
    expect(c.prepare("SELECT count(*) AS n FROM epochs").get()).toEqual({ n: 0 });
    c.close();
  });
});

describe("migrations 0014 and 0015 (sweeps.fixed)", () => {
  it("moves a sweep's four fixed-knob columns into `fixed`, with the callbacks its runs were created with", () => {
    const file = databaseAt("0013");
    const old = new Database(file);
    old.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 1)").run();
    old.prepare("INSERT INTO experiments (id, name, created_at) VALUES ('e', 'e', 1)").run();
    const insertSweep = old.prepare(
      `INSERT INTO sweeps (id, name, experiment_id, dataset_id, strategy, search_space, seed, early_termination, epochs, fine_tune_epochs,
        batch_size, validation_split, status, created_at)
       VALUES (?, ?, 'e', 'd', 'GRID', '{}', 1, 'NONE', ?, ?, ?, ?, 'COMPLETED', 1)`,
    );
    insertSweep.run("s1", "with-runs", 4, 2, 16, 0.25);
    insertSweep.run("s2", "no-runs", 7, 0, 32, 0.2);
    old
      .prepare(
        `INSERT INTO runs (id, name, status, dataset_id, experiment_id, sweep_id, base_model, input_size, head_units, head_units_total, dropout,
        augmentation, optimizer, learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed,
        validation_split, created_at, attempts, epoch_count, early_stopping_patience, reduce_lr_patience, reduce_lr_factor, min_learning_rate)
       VALUES ('r', 'r', 'COMPLETED', 'd', 'e', 's1', 'm', 224, '[1]', 1, 0.2, 'none', 'adam', 0.001, 4, 2, 2, 0.00001, 16, 1, 0.25, 1, 1, 0,
        3, NULL, 0.5, 0.000001)`,
      )
      .run();
    old.close();

    const c = openDatabase(file).$client;
    const rows = c.prepare("SELECT id, fixed FROM sweeps ORDER BY id").all() as { id: string; fixed: string }[];
    expect(rows.map((r) => ({ id: r.id, fixed: JSON.parse(r.fixed) as unknown }))).toEqual([
      {
        id: "s1",
        fixed: {
          epochs: 4,
          fineTuneEpochs: 2,
          batchSize: 16,
          validationSplit: 0.25,
          earlyStoppingPatience: 3,
          reduceLrPatience: null,
          reduceLrFactor: 0.5,
          minLearningRate: 0.000001,
        },
      },
      { id: "s2", fixed: { epochs: 7, fineTuneEpochs: 0, batchSize: 32, validationSplit: 0.2 } },
    ]);
    const columns = (c.prepare("SELECT name FROM pragma_table_info('sweeps')").all() as { name: string }[]).map((r) => r.name);
    expect(columns).toContain("fixed");
    expect(columns).not.toContain("batch_size");
    c.close();
  });
});
