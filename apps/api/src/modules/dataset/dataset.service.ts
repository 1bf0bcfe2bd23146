import { statSync } from "node:fs";
import { basename } from "node:path";
import { desc, eq, type InferSelectModel } from "drizzle-orm";
import { datasets, newId, runs, sweeps, testSetEvaluations } from "@graft/schema/db";
import { type Dataset } from "@graft/schema/graphql";
import { badInput, notFound } from "../../errors";
import { type ServiceDeps } from "../service-deps";
import { assertNoRunningEvaluations, deleteRunsInTx } from "../run/run.delete";
import { writeTx } from "../write-tx";
import { resolveDatasetPath } from "./dataset.paths";
import { scanClassFolders } from "./dataset.scan";

type DatasetRow = InferSelectModel<typeof datasets>;

function toDataset(r: DatasetRow): Dataset {
  return {
    id: r.id,
    name: r.name,
    path: r.path,
    classes: r.classes,
    imageCount: r.imageCount,
    skippedFiles: r.skippedFiles,
    createdAt: new Date(r.createdAt),
  };
}

/** Registers class-folder datasets under the allowed roots and reads them back. */
export class DatasetService {
  constructor(private readonly deps: ServiceDeps) {}

  /** All datasets, newest first. */
  list(): Dataset[] {
    return this.deps.db.select().from(datasets).orderBy(desc(datasets.createdAt), desc(datasets.id)).all().map(toDataset);
  }

  /** One dataset, or null. */
  find(id: string): Dataset | null {
    const row = this.deps.db.select().from(datasets).where(eq(datasets.id, id)).get();
    return row ? toDataset(row) : null;
  }

  /** One dataset, or NOT_FOUND. */
  get(id: string): Dataset {
    const d = this.find(id);
    if (!d) throw notFound("Dataset", id);
    return d;
  }

  /**
   * Forgets a registered dataset with the runs and sweeps trained on it and all they own (test-set
   * evaluations on it included); refused while one of those runs is RUNNING. The photos on disk are
   * the user's and stay. Returns the deleted runs' ids (their checkpoint files go after the commit).
   */
  delete(id: string): string[] {
    return writeTx(this.deps, () => {
      this.get(id);
      // Test sets being scored on this dataset, by runs of any dataset: their rows go with it.
      assertNoRunningEvaluations(this.deps, eq(testSetEvaluations.datasetId, id), `Dataset ${id}`);
      const ids = deleteRunsInTx(this.deps, eq(runs.datasetId, id), `Dataset ${id}`);
      this.deps.db.delete(sweeps).where(eq(sweeps.datasetId, id)).run();
      this.deps.db.delete(datasets).where(eq(datasets.id, id)).run();
      return ids;
    });
  }

  /**
   * Scans `path` (after the root check) and stores its classes, counts and the files training
   * will skip (with reasons; the GraphQL answer reports them). Registering the same real path
   * again rescans it and updates the existing row, keeping its id.
   */
  async register(path: string, name?: string | null): Promise<Dataset> {
    const real = resolveDatasetPath(path, this.deps.config.dataRoots);
    if (!statSync(real).isDirectory()) throw badInput(`Dataset path ${JSON.stringify(path)} is not a directory`, "path", path);
    // The scan does file-system I/O, so it happens before the (synchronous) write transaction.
    const { classes, skippedFiles } = await scanClassFolders(real);
    if (classes.length < 2) {
      throw badInput(
        `Dataset path ${JSON.stringify(path)} needs at least 2 class folders with images; found ${classes.length === 0 ? "none" : classes.map((c) => c.name).join(", ")}`,
        "path",
        path,
      );
    }
    const imageCount = classes.reduce((a, c) => a + c.count, 0);
    return writeTx(this.deps, () => {
      const existing = this.deps.db.select().from(datasets).where(eq(datasets.path, real)).get();
      if (existing) {
        const row = this.deps.db
          .update(datasets)
          .set({ classes, imageCount, skippedFiles, name: name ?? existing.name })
          .where(eq(datasets.id, existing.id))
          .returning()
          .get();
        return toDataset(row);
      }
      const row = this.deps.db
        .insert(datasets)
        .values({ id: newId(), name: name ?? basename(real), path: real, classes, imageCount, skippedFiles, createdAt: this.deps.now() })
        .returning()
        .get();
      return toDataset(row);
    });
  }
}
