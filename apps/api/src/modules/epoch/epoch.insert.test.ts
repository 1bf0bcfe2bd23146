import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GraftDb, openDatabase } from "@graft/schema/db";
import { EPOCH_INSERT_CHUNK, EpochInserter, type EpochValues } from "./epoch.insert";

let dir: string;
let db: GraftDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "graft-epochs-"));
  db = openDatabase(join(dir, "graft.db"));
  db.$client.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 0)").run();
  db.$client
    .prepare(
      `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
        learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at)
       VALUES ('r', 'r', 'RUNNING', 'd', 'vgg16', 224, '[8]', 8, 0.2, 'none', 'adam', 0.001, 5, 0, 0, 0.00001, 32, 1, 0.2, 0)`,
    )
    .run();
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (epoch: number, loss = 1, valAccuracy: number | null = 0.5): EpochValues => ({
  runId: "r",
  epoch,
  attempt: 1,
  phase: "HEAD",
  loss,
  accuracy: 0.5,
  valLoss: null,
  valAccuracy,
  learningRate: 0.001,
  durationMs: 10,
  imagesPerSec: 5,
  confusionMatrix: null,
  createdAt: 7,
});
const stored = () =>
  db.$client.prepare("SELECT epoch, loss, val_accuracy AS valAccuracy FROM epochs WHERE run_id = 'r' ORDER BY epoch").all();

describe("EpochInserter", () => {
  it("inserts new epochs, skips stored ones and repeats within the batch (first wins)", async () => {
    const ins = new EpochInserter(db.$client);
    expect((await ins.insert([row(1), row(2, 2, null)])).map((r) => r.epoch)).toEqual([1, 2]);
    const again = await ins.insert([row(2, 9), row(3, 3), row(3, 4), row(4, 5)]);
    expect(again.map((r) => [r.epoch, r.loss])).toEqual([
      [3, 3],
      [4, 5],
    ]);
    expect(stored()).toEqual([
      { epoch: 1, loss: 1, valAccuracy: 0.5 },
      { epoch: 2, loss: 2, valAccuracy: null },
      { epoch: 3, loss: 3, valAccuracy: 0.5 },
      { epoch: 4, loss: 5, valAccuracy: 0.5 },
    ]);
    expect(await ins.insert([])).toEqual([]);
  });

  it("splits batches larger than one statement and reports inserted rows in input order", async () => {
    const ins = new EpochInserter(db.$client);
    await ins.insert([row(5), row(150)]);
    const n = 2 * EPOCH_INSERT_CHUNK + 17;
    const batch = Array.from({ length: n }, (_, i) => row(i + 1));
    const fresh = await ins.insert(batch);
    expect(fresh).toHaveLength(n - 2);
    expect(fresh.map((r) => r.epoch)).toEqual(batch.map((r) => r.epoch).filter((e) => e !== 5 && e !== 150));
    expect(stored()).toHaveLength(n);
  });
});
