/**
 * A small but awkward tracker for tests of whole-database work (`graft db copy`): rows in every
 * table that holds tracker data, with the values that trip dialect conversions up: unicode, NULLs,
 * nested and empty JSON, times and byte counts past 2^31, float edge values and binary blobs.
 */
import { HYPERPARAMETER_ENTRIES } from "@graft/core/contract";
import { type GraftDb } from "../db/index";
import {
  agents,
  artifacts,
  datasets,
  epochs,
  evaluations,
  experiments,
  notes,
  runCheckpoints,
  runPredictions,
  runs,
  runTags,
  sweeps,
  testSetEvaluations,
} from "../db/schema";

type RunInsert = typeof runs.$inferInsert;

/** Every knob at its catalogue default (lists stored with their total), as createRun stores them: for rows written straight to a table. */
export function defaultKnobs(): Partial<RunInsert> {
  const knobs: Record<string, unknown> = {};
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    if (spec.kind === "units") {
      knobs[name] = spec.default;
      knobs[`${name}Total`] = spec.default.reduce((a, b) => a + b, 0);
    } else knobs[name] = spec.kind === "ops" ? "none" : spec.default;
  }
  return knobs as Partial<RunInsert>;
}

/** 2026-12-06, and a time past 2^41 ms (year 2248): both need a 64-bit column. */
const T0 = 1_796_515_200_000;
const FAR = 8_640_000_000_000;

/**
 * Writes the sample tracker into `db` (a migrated SQLite database): `runs` runs (at least 2) of
 * which the first has every child row; the others have epochs and tags, so paging has work.
 */
export function writeSampleTracker(db: GraftDb, runCount = 3): void {
  db.transaction((tx) => {
    tx.insert(experiments)
      .values([
        {
          id: "exp-1",
          name: "Blütenbestimmung 🌸 — 花",
          description: "unicode: ñ, ß, 中文, emoji 🚀, combining e\u0301, quotes \"' and \\ backslash",
          createdAt: T0,
        },
        { id: "exp-2", name: "no description", description: null, createdAt: T0 + 1 },
      ])
      .run();
    tx.insert(datasets)
      .values([
        {
          id: "ds-1",
          name: "flowers",
          path: "/data/datasets/flowers",
          classes: [
            { name: "rose", count: 120 },
            { name: "tulipán", count: 98 },
          ],
          imageCount: 218,
          skippedFiles: [{ file: "rose/notes.txt", reason: "not an image" }],
          createdAt: T0,
        },
        { id: "ds-2", name: "field photos", path: "/data/datasets/field", classes: [], imageCount: 0, createdAt: T0 + 2 },
      ])
      .run();
    tx.insert(agents)
      .values([
        {
          id: "ag-1",
          name: "gpu-box-1",
          host: "gpu1.internal",
          backend: "tensorflow",
          cores: 64,
          gpu: "NVIDIA H100",
          lastHeartbeatAt: FAR,
          currentRunId: "run-1",
          createdAt: T0,
        },
        {
          id: "ag-2",
          name: "laptop",
          host: "localhost",
          backend: "wasm",
          cores: 2,
          gpu: null,
          lastHeartbeatAt: T0,
          currentRunId: null,
          createdAt: T0,
        },
      ])
      .run();
    tx.insert(sweeps)
      .values({
        id: "sw-1",
        name: "lr sweep",
        experimentId: "exp-1",
        datasetId: "ds-1",
        strategy: "grid",
        searchSpace: { learningRates: [0.001, 1e-4], headUnits: [[256, 128], []] },
        maxRuns: null,
        seed: 2_147_483_647,
        repeats: 2,
        earlyTermination: "none",
        fixed: { epochs: 10, callbacks: { earlyStopping: { patience: 3 } } },
        status: "RUNNING",
        createdAt: T0,
        idempotencyKey: null,
        requestSha256: "a".repeat(64),
      })
      .run();
    for (let i = 1; i <= Math.max(2, runCount); i++) {
      const id = `run-${i}`;
      tx.insert(runs)
        .values({
          ...defaultKnobs(),
          id,
          name: i === 1 ? "ResNet ✓ «fine-tune»" : `run ${i}`,
          status: i === 1 ? "COMPLETED" : "QUEUED",
          experimentId: i === 1 ? "exp-1" : null,
          sweepId: i === 2 ? "sw-1" : null,
          datasetId: "ds-1",
          baseWeights: i === 1 ? "/models/base/weights.h5" : null,
          baseWeightsSha256: i === 1 ? "b".repeat(64) : null,
          backend: i === 1 ? "tensorflow" : null,
          engines: i === 1 ? { features: "onnxruntime", augmentedEpochs: null, fineTuneBottom: "cache", trainable: "tensorflow" } : null,
          agentId: i === 1 ? "ag-1" : null,
          attempts: i === 1 ? 2 : 0,
          leaseExpiresAt: i === 1 ? FAR : null,
          createdAt: T0 + i,
          startedAt: i === 1 ? T0 + 10 : null,
          finishedAt: i === 1 ? T0 + 99_999 : null,
          durationMs: i === 1 ? 99_989.5 : null,
          error: i === 1 ? null : "Line one\nline two ⚠",
          bestValAccuracy: i === 1 ? 0.1 + 0.2 : null,
          bestValLoss: i === 1 ? 1e-300 : null,
          bestEpoch: i === 1 ? 3 : null,
          finalValAccuracy: i === 1 ? 1 / 3 : null,
          finalValLoss: i === 1 ? 123_456_789.123_456_78 : null,
          epochCount: 3,
        } as RunInsert)
        .run();
      tx.insert(epochs)
        .values(
          [1, 2, 3].map((epoch) => ({
            runId: id,
            epoch,
            attempt: i === 1 ? 2 : 1,
            phase: epoch < 3 ? "HEAD" : "FINE_TUNE",
            loss: epoch === 2 ? null : 2 / epoch,
            accuracy: epoch / 4,
            valLoss: null,
            valAccuracy: 0.5,
            learningRate: 1e-3,
            durationMs: 1234.5,
            imagesPerSec: 88.25,
            confusionMatrix:
              epoch === 3
                ? [
                    [5, 1],
                    [0, 6],
                  ]
                : null,
            createdAt: T0 + epoch,
          })),
        )
        .run();
      tx.insert(runTags)
        .values([
          { runId: id, tag: "baseline" },
          { runId: id, tag: `étiquette-${i} 🏷` },
        ])
        .run();
    }
    tx.insert(evaluations)
      .values({
        runId: "run-1",
        labels: ["rose", "tulipán"],
        confusionMatrix: [
          [50, 2],
          [3, 45],
        ],
        perClass: [
          { label: "rose", precision: 0.943, recall: 0.962, f1: 0.952, support: 52 },
          { label: "tulipán", precision: 0.957, recall: 0.9375, f1: 0.947, support: 48 },
        ],
        misclassified: [{ file: "rose/ünïcode 1.jpg", trueLabel: "rose", predictedLabel: "tulipán", confidence: 0.51 }],
        accuracy: 0.95,
        macroF1: 0.9495,
        weightedF1: 0.95,
        evaluatedEpoch: null,
        createdAt: T0 + 100_000,
      })
      .run();
    tx.insert(notes)
      .values([
        { id: "note-1", runId: "run-1", text: "Looks good 👍\n\nSecond paragraph, with a tab\tand 中文.", createdAt: T0 + 5 },
        { id: "note-2", runId: "run-2", text: "", createdAt: T0 + 6 },
      ])
      .run();
    tx.insert(artifacts)
      .values({ id: "art-1", runId: "run-1", kind: "checkpoint", uri: "file:///data/checkpoints/run-1/", createdAt: T0 + 7 })
      .run();
    tx.insert(runCheckpoints)
      .values({
        runId: "run-1",
        attempt: 2,
        weightsSha256: "c".repeat(64),
        datasetSha256: null,
        bytes: 5_000_000_000,
        files: [
          { name: "model.json", bytes: 12_345, sha256: "d".repeat(64) },
          { name: "weights.bin", bytes: 4_999_987_655, sha256: "e".repeat(64) },
        ],
        createdAt: T0 + 8,
      })
      .run();
    tx.insert(runPredictions)
      .values({
        runId: "run-1",
        labels: ["rose", "tulipán"],
        files: ["rose/1.jpg", "tulipán/2.jpg"],
        yTrue: [0, 1],
        // Every byte value, so no encoding step can pass for a binary copy.
        probabilities: Buffer.concat([
          Buffer.from(new Float32Array([0.25, 0.75, 0.9, 0.1]).buffer),
          Buffer.from(Array.from({ length: 256 }, (_, b) => b)),
        ]),
        createdAt: T0 + 9,
      })
      .run();
    tx.insert(testSetEvaluations)
      .values([
        {
          id: "tse-1",
          runId: "run-1",
          datasetId: "ds-2",
          status: "COMPLETED",
          agentId: "ag-1",
          leaseExpiresAt: null,
          attempts: 1,
          error: null,
          labels: ["rose", "tulipán"],
          confusionMatrix: [
            [1, 0],
            [0, 1],
          ],
          perClass: [],
          misclassified: [],
          accuracy: 1,
          macroF1: 1,
          weightedF1: 1,
          createdAt: T0 + 11,
          completedAt: T0 + 12,
        },
        { id: "tse-2", runId: "run-2", datasetId: "ds-2", status: "QUEUED", createdAt: T0 + 13 },
      ])
      .run();
  });
}
