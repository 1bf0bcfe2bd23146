/**
 * Seeds a data dir with N finished runs directly through the API's database (the drizzle
 * tables of @graft/schema), before the API starts: mutations would take minutes for 10,000 runs.
 */
import path from "node:path";
import { createRng as rng } from "@graft/core/random";
import { datasets, epochs, evaluations, experiments, newId, openDatabase, runs } from "@graft/schema/db";

/** What seedRuns created. */
export interface Seeded {
  experimentId: string;
  runIds: string[];
}

const MODELS = ["mobilenet_v1_0.25_224", "mobilenet_v1_0.75_224", "mobilenet_v2_0.35_224_no_top", "darknet_tiny_224"];
const HEADS = [[64], [128], [256, 128], []];
const AUGS = ["none", "flip", "flip,rotate", "flip,rotate,zoom"];
const LRS = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2];
const LABELS = [
  "Apple___Apple_scab",
  "Apple___Black_rot",
  "Apple___Cedar_apple_rust",
  "Apple___healthy",
  "Strawberry___Leaf_scorch",
  "Strawberry___healthy",
];

/** Inserts one experiment with `count` completed runs (5 epochs each; evaluations for the first `evaluated`). */
export function seedRuns(dataDir: string, count: number, evaluated = 20): Seeded {
  const db = openDatabase(path.join(dataDir, "graft.db"));
  const rand = rng(42);
  const now = Date.now();
  const datasetId = newId();
  const experimentId = newId();
  db.insert(datasets)
    .values({
      id: datasetId,
      name: "plant-leaves (bench)",
      path: path.join(dataDir, "bench-dataset"),
      classes: LABELS.map((name) => ({ name, count: 120 })),
      imageCount: 720,
      createdAt: now - 1e7,
    })
    .run();
  db.insert(experiments)
    .values({ id: experimentId, name: "Bench: 10k runs", description: `${count} seeded runs`, createdAt: now - 1e7 })
    .run();
  const runIds: string[] = [];
  const sqlite = db.$client;
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = newId();
      runIds.push(id);
      const head = HEADS[i % HEADS.length]!;
      const lr = LRS[Math.floor(rand() * LRS.length)]!;
      const ft = [0, 2, 4][i % 3]!;
      const best = 0.5 + 0.45 * rand();
      const created = now - (count - i) * 1000;
      db.insert(runs)
        .values({
          id,
          name: `run-${String(i).padStart(5, "0")}`,
          status: i % 50 === 0 ? "FAILED" : "COMPLETED",
          experimentId,
          datasetId,
          baseModel: MODELS[i % MODELS.length]!,
          inputSize: 224,
          headUnits: head,
          headUnitsTotal: head.reduce((a, b) => a + b, 0),
          dropout: 0.2,
          augmentation: AUGS[Math.floor(rand() * AUGS.length)]!,
          optimizer: "adam",
          learningRate: lr,
          epochs: 4,
          fineTuneLayers: ft,
          fineTuneEpochs: ft > 0 ? 1 : 0,
          fineTuneLearningRate: 1e-5,
          batchSize: 32,
          seed: i,
          validationSplit: 0.2,
          backend: "cpu",
          attempts: 1,
          createdAt: created,
          startedAt: created + 10,
          finishedAt: created + 60_000 + rand() * 60_000,
          durationMs: 60_000 + rand() * 60_000,
          bestValAccuracy: best,
          bestEpoch: 4,
          finalValAccuracy: best - 0.01,
          finalValLoss: 1 - best,
          epochCount: 5,
        })
        .run();
      for (let e = 1; e <= 5; e++) {
        const phase = e === 5 ? "FINE_TUNE" : "HEAD";
        const acc = best * (0.6 + 0.08 * e);
        db.insert(epochs)
          .values({
            runId: id,
            epoch: e,
            phase,
            loss: 1.6 - acc,
            accuracy: acc + 0.02,
            valLoss: 1.7 - acc,
            valAccuracy: acc,
            learningRate: phase === "HEAD" ? lr : 1e-5,
            durationMs: 2000,
            imagesPerSec: 150,
            createdAt: created + e * 1000,
          })
          .run();
      }
      if (i < evaluated) {
        const n = LABELS.length;
        const matrix = LABELS.map((_, r) => LABELS.map((__, c) => (r === c ? 14 + Math.floor(rand() * 6) : Math.floor(rand() * 3))));
        const perClass = LABELS.map((label, k) => {
          const tp = matrix[k]![k]!;
          const fp = matrix.reduce((s, row, r) => s + (r === k ? 0 : row[k]!), 0);
          const fn = matrix[k]!.reduce((s, v, c) => s + (c === k ? 0 : v), 0);
          const precision = tp / (tp + fp);
          const recall = tp / (tp + fn);
          return { label, precision, recall, f1: (2 * precision * recall) / (precision + recall), support: tp + fn };
        });
        const total = matrix.flat().reduce((a, b) => a + b, 0);
        const correct = LABELS.reduce((s, _, k) => s + matrix[k]![k]!, 0);
        const macroF1 = perClass.reduce((s, c) => s + c.f1, 0) / n;
        db.insert(evaluations)
          .values({
            runId: id,
            labels: LABELS,
            confusionMatrix: matrix,
            perClass,
            misclassified: [],
            accuracy: correct / total,
            macroF1,
            weightedF1: macroF1,
            createdAt: created + 70_000,
          })
          .run();
      }
    }
  })();
  sqlite.close();
  return { experimentId, runIds };
}
