import { statSync } from "node:fs";
import { basename } from "node:path";
import { desc, eq, type InferSelectModel } from "drizzle-orm";
import { datasets, newId, runs, sweeps, testSetEvaluations } from "@graft/schema/db";
import { type Dataset } from "@graft/schema/graphql";
import { badInput, notFound } from "../../errors";
import { type Db, firstRow } from "../../db/database";
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
  async list(): Promise<Dataset[]> {
    return (await this.deps.db.select().from(datasets).orderBy(desc(datasets.createdAt), desc(datasets.id))).map(toDataset);
  }

  /** One dataset, or null. Inside a transaction pass its `tx`. */
  async find(id: string, tx: Db = this.deps.db): Promise<Dataset | null> {
    const row = await firstRow(tx.select().from(datasets).where(eq(datasets.id, id)));
    return row ? toDataset(row) : null;
  }

  /** One dataset, or NOT_FOUND. Inside a transaction pass its `tx`. */
  async get(id: string, tx: Db = this.deps.db): Promise<Dataset> {
    const d = await this.find(id, tx);
    if (!d) throw notFound("Dataset", id);
    return d;
  }

  /**
   * Forgets a registered dataset with the runs and sweeps trained on it and all they own (test-set
   * evaluations on it included); refused while one of those runs is RUNNING. The photos on disk are
   * the user's and stay. Returns the deleted runs' ids (their checkpoint files go after the commit).
   */
  async delete(id: string): Promise<string[]> {
    return writeTx(this.deps, async (tx) => {
      await this.get(id, tx);
      // Test sets being scored on this dataset, by runs of any dataset: their rows go with it.
      await assertNoRunningEvaluations(tx, eq(testSetEvaluations.datasetId, id), `Dataset ${id}`);
      const ids = await deleteRunsInTx(tx, eq(runs.datasetId, id), `Dataset ${id}`);
      await tx.delete(sweeps).where(eq(sweeps.datasetId, id));
      await tx.delete(datasets).where(eq(datasets.id, id));
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
    // The scan does file-system I/O, so it happens before the write transaction, not holding its lock.
    const { classes, skippedFiles } = await scanClassFolders(real);
    if (classes.length < 2) {
      throw badInput(
        `Dataset path ${JSON.stringify(path)} needs at least 2 class folders with images; found ${classes.length === 0 ? "none" : classes.map((c) => c.name).join(", ")}`,
        "path",
        path,
      );
    }
    const imageCount = classes.reduce((a, c) => a + c.count, 0);
    return writeTx(this.deps, async (tx) => {
      const existing = await firstRow(tx.select().from(datasets).where(eq(datasets.path, real)));
      if (existing) {
        const [row] = await tx
          .update(datasets)
          .set({ classes, imageCount, skippedFiles, name: name ?? existing.name })
          .where(eq(datasets.id, existing.id))
          .returning();
        return toDataset(row as DatasetRow);
      }
      const [row] = await tx
        .insert(datasets)
        .values({ id: newId(), name: name ?? basename(real), path: real, classes, imageCount, skippedFiles, createdAt: this.deps.now() })
        .returning();
      return toDataset(row as DatasetRow);
    });
  }
}
