import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql } from "graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GraftDb, openDatabase } from "@graft/schema/db";
import { loadConfig } from "../../config/env";
import { type GraftContext } from "../../context";
import { pubSub } from "../../pubsub";
import { graftSchema } from "../../schema";
import { createServices, type Services } from "../services";
import { createRunLoaders } from "./run.loaders";
import { sqliteDatabase } from "../../db/sqlite/open";

let dir: string;
let db: GraftDb;
let services: Services;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "graft-loaders-"));
  db = openDatabase(join(dir, "graft.db"));
  services = createServices({ db, database: sqliteDatabase(db), config: loadConfig({ GRAFT_DATA_DIR: dir }), pubSub, now: Date.now });
  const c = db.$client;
  c.prepare("INSERT INTO datasets (id, name, path, classes, image_count, created_at) VALUES ('d', 'd', '/d', '[]', 0, 0)").run();
  const run = c.prepare(
    `INSERT INTO runs (id, name, status, dataset_id, base_model, input_size, head_units, head_units_total, dropout, augmentation, optimizer,
      learning_rate, epochs, fine_tune_layers, fine_tune_epochs, fine_tune_learning_rate, batch_size, seed, validation_split, created_at)
     VALUES (?, ?, 'QUEUED', 'd', 'vgg16', 224, '[8]', 8, 0.2, 'none', 'adam', 0.001, 5, 0, 0, 0.00001, 32, 1, 0.2, ?)`,
  );
  const epoch = c.prepare(
    "INSERT INTO epochs (run_id, epoch, phase, loss, accuracy, val_accuracy, learning_rate, duration_ms, images_per_sec, created_at) VALUES (?, ?, 'HEAD', 1, 0.5, ?, 0.001, 1, 1, 0)",
  );
  for (let i = 0; i < 6; i++) {
    run.run(`r${i}`, `run ${i}`, 1000 + i);
    for (let e = 1; e <= i; e++) epoch.run(`r${i}`, e, i / 10);
  }
  // Tags out of order and on some runs only; notes on one run.
  await services.annotations.addTag("r1", "zeta");
  await services.annotations.addTag("r1", "alpha");
  await services.annotations.addTag("r4", "beta");
  await services.annotations.addNote("r2", "first");
  await services.annotations.addNote("r2", "second");
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Counts calls of a service method while still running it. */
function countCalls<T extends object>(target: T, method: keyof T): { calls: number } {
  const counter = { calls: 0 };
  const original = target[method] as (...args: unknown[]) => unknown;
  (target as Record<keyof T, unknown>)[method] = (...args: unknown[]) => {
    counter.calls++;
    return original.apply(target, args);
  };
  return counter;
}

describe("per-run field loaders", () => {
  it("resolve a page of runs with one query per relation and the same values per run", async () => {
    const tags = countCalls(services.annotations, "tagsFor");
    const notes = countCalls(services.annotations, "notesFor");
    const epochs = countCalls(services.epochs, "listFor");
    const evaluations = countCalls(services.evaluations, "forRuns");
    const contextValue: GraftContext = {
      services,
      auth: { tokenPresent: false, authorized: false, loopback: true },
      loaders: createRunLoaders(services),
    };
    const result = await graphql({
      schema: await graftSchema(),
      source:
        "{ runs(first: 10, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { id tags notes { text } epochs { epoch } evaluation { accuracy } artifacts { uri } } } }",
      contextValue,
    });
    expect(result.errors).toBeUndefined();
    const nodes = (
      result.data as {
        runs: {
          nodes: { id: string; tags: string[]; notes: { text: string }[]; epochs: { epoch: number }[]; evaluation: null; artifacts: [] }[];
        };
      }
    ).runs.nodes;
    expect(nodes.map((n) => n.id)).toEqual(["r0", "r1", "r2", "r3", "r4", "r5"]);
    expect(nodes.map((n) => n.tags)).toEqual([[], ["alpha", "zeta"], [], [], ["beta"], []]);
    expect(nodes.map((n) => n.notes.map((x) => x.text))).toEqual([[], [], ["first", "second"], [], [], []]);
    expect(nodes.map((n) => n.epochs.map((e) => e.epoch))).toEqual([[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [1, 2, 3, 4, 5]]);
    expect(nodes.every((n) => n.evaluation === null && n.artifacts.length === 0)).toBe(true);
    expect([tags.calls, notes.calls, epochs.calls, evaluations.calls]).toEqual([1, 1, 1, 1]);
  });
});
