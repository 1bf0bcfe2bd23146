import { type Artifact, type Epoch, type Evaluation, type Note } from "@graft/schema/graphql";
import { BatchLoader } from "../batch-loader";
import { type Services } from "../services";

/** Batched lookups of a run's relations, one set per GraphQL operation (see {@link BatchLoader}). */
export interface RunLoaders {
  tags: BatchLoader<string, string[]>;
  notes: BatchLoader<string, Note[]>;
  artifacts: BatchLoader<string, Artifact[]>;
  epochs: BatchLoader<string, Epoch[]>;
  evaluation: BatchLoader<string, Evaluation | null>;
}

/** Loaders keyed by run id over `services`; build one set per operation's context. */
export function createRunLoaders(services: Services): RunLoaders {
  return {
    tags: new BatchLoader(
      (ids) => services.annotations.tagsFor(ids),
      () => [],
    ),
    notes: new BatchLoader(
      (ids) => services.annotations.notesFor(ids),
      () => [],
    ),
    artifacts: new BatchLoader(
      (ids) => services.annotations.artifactsFor(ids),
      () => [],
    ),
    epochs: new BatchLoader(
      (ids) => services.epochs.listFor(ids),
      () => [],
    ),
    evaluation: new BatchLoader(
      (ids) => services.evaluations.forRuns(ids),
      () => null,
    ),
  };
}
