import { type StorageHealthCheck } from "../db/storage-health";
import { type ServiceDeps } from "./service-deps";
import { AgentService } from "./agent/agent.service";
import { CatalogService } from "./catalog/catalog.service";
import { CheckpointService } from "./checkpoint/checkpoint.service";
import { ComparisonService } from "./comparison/comparison.service";
import { DatasetService } from "./dataset/dataset.service";
import { EpochService } from "./epoch/epoch.service";
import { EvaluationService } from "./evaluation/evaluation.service";
import { ExperimentService } from "./experiment/experiment.service";
import { LeaseService } from "./run/lease.service";
import { PredictionService } from "./prediction/prediction.service";
import { RunAnnotationService } from "./run/run-annotation.service";
import { RunService } from "./run/run.service";
import { SweepService } from "./sweep/sweep.service";
import { TpeSampler } from "./sweep/sweep.tpe";
import { TestSetService } from "./test-set/test-set.service";

/** Every service of one server, wired together over one database. */
export interface Services {
  deps: ServiceDeps;
  catalog: CatalogService;
  datasets: DatasetService;
  experiments: ExperimentService;
  runs: RunService;
  /** Tags, notes and artifacts of runs. */
  annotations: RunAnnotationService;
  leases: LeaseService;
  agents: AgentService;
  epochs: EpochService;
  evaluations: EvaluationService;
  sweeps: SweepService;
  comparison: ComparisonService;
  predictions: PredictionService;
  checkpoints: CheckpointService;
  /** A run's model scored on other datasets. */
  testSets: TestSetService;
  /** Whether the database can take writes (`/healthz`), fed by formatError's storage failures. */
  storage: StorageHealthCheck;
}

/** Builds the services for one database and configuration. */
export function createServices(deps: ServiceDeps): Services {
  const catalog = new CatalogService();
  const datasets = new DatasetService(deps);
  const experiments = new ExperimentService(deps);
  const predictions = new PredictionService(deps);
  const runs = new RunService(deps, catalog, datasets, predictions);
  const annotations = new RunAnnotationService(deps, runs);
  const checkpoints = new CheckpointService(deps, runs);
  const storage = deps.database.storageHealth(deps.config.dataDir, deps.now);
  const tpe = new TpeSampler(catalog, runs);
  const leases = new LeaseService(deps, storage, checkpoints, (tx, outbox) => tpe.topUpInTx(tx, outbox));
  const agents = new AgentService(deps, runs, leases);
  const epochs = new EpochService(deps, leases);
  const evaluations = new EvaluationService(deps);
  const sweeps = new SweepService(deps, catalog, runs);
  const comparison = new ComparisonService(deps, runs, evaluations);
  const testSets = new TestSetService(deps, runs, datasets, evaluations, checkpoints);
  return {
    deps,
    catalog,
    datasets,
    experiments,
    runs,
    annotations,
    leases,
    agents,
    epochs,
    evaluations,
    sweeps,
    comparison,
    predictions,
    checkpoints,
    testSets,
    storage,
  };
}
