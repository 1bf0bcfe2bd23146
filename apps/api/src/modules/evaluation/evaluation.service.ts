import { eq, inArray } from "drizzle-orm";
import { evaluations } from "@graft/schema/db";
import { type Evaluation } from "@graft/schema/graphql";
import { firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";

/** Reads stored evaluations (they are written by completeRun, in the run service's transaction). */
export class EvaluationService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Evaluations of several runs by run id. */
  async forRuns(runIds: readonly string[]): Promise<Map<string, Evaluation>> {
    if (runIds.length === 0) return new Map();
    const rows = await this.deps.db
      .select()
      .from(evaluations)
      .where(inArray(evaluations.runId, [...runIds]));
    return new Map(
      rows.map((r) => [
        r.runId,
        {
          labels: r.labels,
          confusionMatrix: r.confusionMatrix,
          perClass: r.perClass,
          accuracy: r.accuracy,
          macroF1: r.macroF1,
          weightedF1: r.weightedF1,
          misclassified: r.misclassified,
          evaluatedEpoch: r.evaluatedEpoch,
          skippedFiles: r.skippedFiles,
        },
      ]),
    );
  }

  /** Whether a run has an evaluation. */
  async exists(runId: string): Promise<boolean> {
    return (
      (await firstRow(this.deps.db.select({ id: evaluations.runId }).from(evaluations).where(eq(evaluations.runId, runId)))) !== undefined
    );
  }
}
