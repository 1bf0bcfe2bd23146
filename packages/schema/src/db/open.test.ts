import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { newId, openDatabase } from "./index";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), "graft-schema-"));
  dirs.push(dir);
  return { file: join(dir, "nested", "graft.db"), db: openDatabase(join(dir, "nested", "graft.db")) };
}

describe("openDatabase", () => {
  it("sets the pragmas and applies the committed migrations", () => {
    const { db } = freshDb();
    const c = db.$client;
    expect(c.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(c.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(c.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(c.pragma("synchronous", { simple: true })).toBe(1); // NORMAL
    const tables = (
      c
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name <> 'sqlite_sequence' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual([
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
      "storage_probe",
      "sweeps",
      "test_set_evaluations",
    ]);
    // Epochs record the attempt that logged them (rows from before read attempt 1).
    expect(c.prepare("SELECT dflt_value, \"notnull\" FROM pragma_table_info('epochs') WHERE name = 'attempt'").get()).toEqual({
      dflt_value: "1",
      notnull: 1,
    });
    // Every sortable run column has an index.
    const indexes = (
      c.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs'").all() as { name: string }[]
    ).map((i) => i.name);
    for (const col of [
      "best_val_accuracy",
      "best_val_loss",
      "learning_rate",
      "created_at",
      "head_units_total",
      "final_val_loss",
      "reduce_lr_patience",
      "reduce_lr_factor",
      "min_learning_rate",
    ]) {
      expect(indexes).toContain(`runs_${col}_idx`);
    }
    // The weights a run started from are its identity, not a knob: not sortable, so no index.
    expect(indexes.filter((i) => i.includes("base_weights"))).toEqual([]);
    c.close();
  });

  it("is idempotent across reopen and enforces keys and the (run, epoch) uniqueness", () => {
    const { db, file } = freshDb();
    db.$client.close();
    const again = openDatabase(file);
    const c = again.$client;
    const now = Date.now();
    c.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, ?)").run(now);
    const insertRun = c.prepare(
      `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
        learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at)
       VALUES (?, 'r', 'QUEUED', ?, 'm', 224, '[1]', 1, 0.2, 'none', 'adam', 0.001, 1, 0, 0, 0.00001, 32, 1, 0.2, ?)`,
    );
    insertRun.run("r1", "d", now);
    // A row written without the ReduceLROnPlateau columns (as before they existed) reads the old behaviour.
    expect(c.prepare("SELECT reduce_lr_patience, reduce_lr_factor, min_learning_rate FROM runs WHERE id = 'r1'").get()).toEqual({
      reduce_lr_patience: null,
      reduce_lr_factor: 0.5,
      min_learning_rate: 0,
    });
    // Nor the weights pair: such a run started from the base model's own ImageNet weights.
    expect(c.prepare("SELECT base_weights, base_weights_sha256 FROM runs WHERE id = 'r1'").get()).toEqual({
      base_weights: null,
      base_weights_sha256: null,
    });
    expect(() => insertRun.run("r2", "missing-dataset", now)).toThrow(/FOREIGN KEY/);
    const insertEpoch = c.prepare(
      "INSERT INTO epochs (run_id, epoch, phase, loss, accuracy, learning_rate, duration_ms, images_per_sec, created_at) VALUES ('r1', ?, 'HEAD', 1, 0.5, 0.001, 1, 1, ?)",
    );
    insertEpoch.run(1, now);
    expect(() => insertEpoch.run(1, now)).toThrow(/UNIQUE|PRIMARY KEY/);
    c.close();
  });
});

describe("newId", () => {
  it("is a UUIDv7-shaped string that sorts in creation order", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
