import { eq } from "drizzle-orm";
import { runPredictions, runs } from "@graft/schema/db";
import { type GroupComparison, type PairedComparison, type PredictionPage, type PredictionsInput } from "@graft/schema/graphql";
import { badInput, graftError, notFound } from "../../errors";
import { type Db, firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { compareGroups, comparePredictions, type Side } from "./paired-comparison";
import { decodePredictionsInput, decodeStored, predictedClass, probabilityRow, type StoredPredictions } from "./prediction.codec";

/** Predictions checked by {@link PredictionService.check}, ready to store. */
export interface CheckedPredictions {
  labels: string[];
  blob: Buffer;
  files: string[];
  yTrue: number[];
}

/** Most predictions one page returns (and its default). */
export const MAX_PREDICTIONS_PAGE = 500;

/** Per-image predictions of runs: stored at completion, paged, and compared between two runs. */
export class PredictionService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Checks an agent's predictions against the evaluation's labels, before anything is written. */
  check(input: PredictionsInput, labels: readonly string[]): CheckedPredictions {
    return { labels: [...labels], ...decodePredictionsInput(input, labels) };
  }

  /** Stores (or replaces) a run's checked predictions; call inside the completing transaction. */
  async storeInTx(tx: Db, runId: string, { labels, blob, files, yTrue }: CheckedPredictions, now: number): Promise<void> {
    const values = { labels, files, yTrue, probabilities: blob, createdAt: now };
    await tx
      .insert(runPredictions)
      .values({ runId, ...values })
      .onConflictDoUpdate({ target: runPredictions.runId, set: values });
  }

  /** A run's predictions, or null when it has none (not finished, or finished before they were kept). */
  async forRun(runId: string): Promise<StoredPredictions | null> {
    const row = await firstRow(this.deps.db.select().from(runPredictions).where(eq(runPredictions.runId, runId)));
    return row ? decodeStored(row) : null;
  }

  /** A page of a run's predictions in validation order; `after` is the previous page's endCursor. */
  async page(runId: string, first: number, after: string | null): Promise<PredictionPage | null> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PREDICTIONS_PAGE) {
      throw badInput(`first must be an integer in [1, ${MAX_PREDICTIONS_PAGE}], received ${first}`, "first", first);
    }
    const start = after === null ? 0 : Number(after) + 1;
    if (after !== null && (!/^\d{1,9}$/.test(after) || !Number.isSafeInteger(start))) {
      throw badInput(
        `after must be a cursor this field returned (a number), received ${JSON.stringify(after.slice(0, 40))}`,
        "after",
        after,
      );
    }
    const p = await this.forRun(runId);
    if (!p) return null;
    const end = Math.min(p.files.length, start + first);
    const nodes = [];
    for (let i = start; i < end; i++) {
      const predicted = predictedClass(p, i);
      const probabilities = probabilityRow(p, i);
      nodes.push({
        index: i,
        file: p.files[i] as string,
        trueLabel: p.labels[p.yTrue[i] as number] as string,
        predictedLabel: p.labels[predicted] as string,
        confidence: probabilities[predicted] as number,
        probabilities,
      });
    }
    return {
      labels: p.labels,
      nodes,
      totalCount: p.files.length,
      endCursor: end > start ? String(end - 1) : null,
      hasNextPage: end < p.files.length,
    };
  }

  /** Compares group B with group A (runs differing in seed) on one validation set (see compareGroups). */
  async groups(a: readonly string[], b: readonly string[], seed: number): Promise<GroupComparison> {
    const all = [...a, ...b];
    if (a.length < 1 || b.length < 1 || a.length > 20 || b.length > 20) {
      throw badInput(`groupComparison takes 1 to 20 runs a group, received ${a.length} and ${b.length}`, "a", a.length);
    }
    if (new Set(all).size !== all.length) throw badInput("groupComparison's groups must not share or repeat a run", "b", b);
    if (!Number.isInteger(seed) || seed < 0) throw badInput(`seed must be a whole number ≥ 0, received ${seed}`, "seed", seed);
    // One side after the other, in order: the first run that fails is the one named, as before.
    const sides = async (ids: readonly string[]) => {
      const out: Side[] = [];
      for (const runId of ids) out.push(await this.side(runId));
      return out;
    };
    const sidesA = await sides(a);
    return compareGroups(sidesA, await sides(b), seed);
  }

  /** A run's side of a comparison: NOT_FOUND for an unknown run or one without predictions. */
  private async side(runId: string): Promise<Side> {
    const run = await firstRow(this.deps.db.select({ datasetId: runs.datasetId }).from(runs).where(eq(runs.id, runId)));
    if (!run) throw notFound("Run", runId);
    const predictions = await this.forRun(runId);
    if (!predictions) {
      throw graftError(
        "NOT_FOUND",
        `Run ${JSON.stringify(runId)} has no stored predictions: it has not completed, it completed before Graft kept per-image predictions, or its validation set was too large for its agent to send them`,
      );
    }
    return { runId, datasetId: run.datasetId, predictions };
  }

  /** Compares run B with run A image by image (see comparePredictions). */
  async paired(a: string, b: string, seed: number): Promise<PairedComparison> {
    if (a === b) throw badInput(`pairedComparison needs two different runs, received ${JSON.stringify(a)} twice`, "b", b);
    if (!Number.isInteger(seed) || seed < 0) throw badInput(`seed must be a whole number ≥ 0, received ${seed}`, "seed", seed);
    const sideA = await this.side(a);
    return comparePredictions(sideA, await this.side(b), seed);
  }
}
