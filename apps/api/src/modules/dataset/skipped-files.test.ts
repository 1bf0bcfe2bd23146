/**
 * Unreadable dataset files: registration counts images by the engine's rule (decoded, extension
 * core reads) and reports the rest with reasons; a run's evaluation carries the files it skipped
 * and the epoch it evaluated, for the run page. Runs the schema in-process (no HTTP server).
 */
import "reflect-metadata";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql } from "graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listDataset } from "@graft/core/listing";
import { type GraftDb, openDatabase } from "@graft/schema/db";
import { loadConfig } from "../../config/env";
import { type GraftContext } from "../../context";
import { pubSub } from "../../pubsub";
import { graftSchema } from "../../schema";
import { TINY_PNG } from "../../test/fixtures";
import { createRunLoaders } from "../run/run.loaders";
import { createServices } from "../services";
import { sqliteDatabase } from "../../db/sqlite/open";

/** A 1×1 GIF: an image, but not one the engine decodes. */
const TINY_GIF = Buffer.from("R0lGODlhAQABAAAAACw=", "base64");

let dir: string;
let db: GraftDb;
let context: GraftContext;
let dataset: string;

async function gql<T>(source: string, variableValues: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql({ schema: await graftSchema(), source, variableValues, contextValue: context });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "graft-skipped-"));
  db = openDatabase(join(dir, "graft.db"));
  const services = createServices({
    db,
    database: sqliteDatabase(db),
    config: loadConfig({ GRAFT_DATA_DIR: dir, GRAFT_DATA_ROOTS: join(dir, "root") }),
    pubSub,
    now: Date.now,
  });
  context = { services, auth: { tokenPresent: true, authorized: true, loopback: true }, loaders: createRunLoaders(services) };
  // 12 files with an image name (the light scan counted all 12); 9 decode, as training will see.
  dataset = join(dir, "root", "leaves");
  for (const cls of ["healthy", "rust"]) mkdirSync(join(dataset, cls), { recursive: true });
  for (let i = 0; i < 5; i++) writeFileSync(join(dataset, "healthy", `${i}.png`), TINY_PNG);
  writeFileSync(join(dataset, "healthy", "cut.png"), TINY_PNG.subarray(0, 40));
  for (let i = 0; i < 4; i++) writeFileSync(join(dataset, "rust", `${i}.png`), TINY_PNG);
  writeFileSync(join(dataset, "rust", "leaf.gif"), TINY_GIF);
  writeFileSync(join(dataset, "rust", "empty.jpg"), "");
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const REGISTER =
  "mutation($path: String!) { registerDataset(path: $path) { id imageCount classes { name count } skippedFiles { file reason } } }";

describe("registerDataset reports unreadable files", () => {
  it("counts the 9 images training uses, not the 12 image names, and says why the 3 others are skipped", async () => {
    const { registerDataset: d } = await gql<{
      registerDataset: {
        id: string;
        imageCount: number;
        classes: { name: string; count: number }[];
        skippedFiles: { file: string; reason: string }[];
      };
    }>(REGISTER, { path: dataset });
    expect(d.imageCount).toBe(9);
    expect(d.classes).toEqual([
      { name: "healthy", count: 5 },
      { name: "rust", count: 4 },
    ]);
    expect(d.skippedFiles.map((s) => s.file)).toEqual(["healthy/cut.png", "rust/empty.jpg", "rust/leaf.gif"]);
    expect(d.skippedFiles[0]?.reason).toMatch(/^cannot decode: /);
    expect(d.skippedFiles[1]?.reason).toBe("empty file (0 bytes)");
    expect(d.skippedFiles[2]?.reason).toMatch(/^unsupported extension "\.gif"/);
    // One rule: what the engine lists (and trains on) is what registration stored.
    const listing = await listDataset(dataset);
    expect(listing.counts).toEqual(d.classes.map((c) => c.count));
    expect(listing.skipped).toEqual(d.skippedFiles);
    const { dataset: stored } = await gql<{ dataset: { skippedFiles: { file: string }[] } }>(
      "query($id: ID!) { dataset(id: $id) { skippedFiles { file } } }",
      { id: d.id },
    );
    expect(stored.skippedFiles).toHaveLength(3);
  });
});

describe("a run's evaluation carries its skipped files and evaluated epoch", () => {
  it("stores what completeRun sends and defaults both for agents that send neither", async () => {
    const { registerDataset: d } = await gql<{ registerDataset: { id: string } }>(REGISTER, { path: dataset });
    const { registerAgent: agent } = await gql<{ registerAgent: { id: string } }>(
      'mutation { registerAgent(input: { name: "a", host: "h", backend: "cpu", cores: 2 }) { id } }',
    );
    const labels = ["healthy", "rust"];
    const evaluation = {
      labels,
      confusionMatrix: [
        [1, 0],
        [0, 1],
      ],
      perClass: labels.map((label) => ({ label, precision: 1, recall: 1, f1: 1, support: 1 })),
      accuracy: 1,
      macroF1: 1,
      weightedF1: 1,
      misclassified: [],
    };
    const finish = async (
      extra: Record<string, unknown>,
    ): Promise<{ evaluatedEpoch: number | null; skippedFiles: { file: string; reason: string }[] }> => {
      const { createRun } = await gql<{ createRun: { id: string } }>(
        "mutation($input: CreateRunInput!) { createRun(input: $input) { id } }",
        {
          input: { datasetId: d.id, hyperparameters: { baseModel: "mobilenet_v1_0.25_224", headUnits: [8] } },
        },
      );
      await gql("mutation($agentId: ID!, $runId: ID) { claimRun(agentId: $agentId, runId: $runId) { id } }", {
        agentId: agent.id,
        runId: createRun.id,
      });
      await gql("mutation($input: CompleteRunInput!) { completeRun(input: $input) { id } }", {
        input: { runId: createRun.id, agentId: agent.id, evaluation: { ...evaluation, ...extra } },
      });
      const { run } = await gql<{
        run: { evaluation: { evaluatedEpoch: number | null; skippedFiles: { file: string; reason: string }[] } };
      }>("query($id: ID!) { run(id: $id) { evaluation { evaluatedEpoch skippedFiles { file reason } } } }", { id: createRun.id });
      return run.evaluation;
    };
    const skippedFiles = [{ file: "rust/leaf.gif", reason: 'unsupported extension ".gif"' }];
    expect(await finish({ evaluatedEpoch: 7, skippedFiles })).toEqual({ evaluatedEpoch: 7, skippedFiles });
    expect(await finish({})).toEqual({ evaluatedEpoch: null, skippedFiles: [] });
  });
});
