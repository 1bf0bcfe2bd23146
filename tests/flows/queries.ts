/** GraphQL documents the flows send to the real API (kept here so each test reads as a story). */

export const REGISTER_DATASET = `mutation ($path: String!, $name: String) { registerDataset(path: $path, name: $name) { id classes { name count } imageCount } }`;
export const CREATE_EXPERIMENT = `mutation ($name: String!) { createExperiment(input: { name: $name }) { id } }`;
export const CREATE_SWEEP = `mutation ($input: CreateSweepInput!) { createSweep(input: $input) { id runs { id } } }`;
export const CREATE_RUN = `mutation ($input: CreateRunInput!) { createRun(input: $input) { id } }`;
export const SWEEP_PROGRESS = `query ($id: ID!) { sweep(id: $id) { status progress { total queued running completed failed canceled stoppedEarly } } }`;
export const RUN_STATE = `query ($id: ID!) { run(id: $id) { id status attempts epochCount error agentId } }`;

/** Everything a flow checks about a finished run. */
export const RUN_DETAIL = `query ($id: ID!) { run(id: $id) {
  id status attempts error stopReason agentId epochCount bestValAccuracy
  hyperparameters { headUnits learningRate fineTuneLayers epochs fineTuneEpochs }
  epochs { epoch attempt phase loss valAccuracy createdAt }
  evaluation { labels confusionMatrix }
  artifacts { kind uri }
} }`;

export interface RunDetail {
  id: string;
  status: string;
  attempts: number;
  error: string | null;
  stopReason: string | null;
  agentId: string | null;
  epochCount: number;
  bestValAccuracy: number | null;
  hyperparameters: { headUnits: number[]; learningRate: number; fineTuneLayers: number; epochs: number; fineTuneEpochs: number };
  epochs: Array<{ epoch: number; attempt: number; phase: string; loss: number; valAccuracy: number | null; createdAt: string }>;
  evaluation: { labels: string[]; confusionMatrix: number[][] } | null;
  artifacts: Array<{ kind: string; uri: string }>;
}

/** Epochs planned for a run's hyperparameters (head + fine-tune when layers are unfrozen). */
export function plannedEpochs(h: RunDetail["hyperparameters"]): number {
  return h.epochs + (h.fineTuneLayers > 0 ? h.fineTuneEpochs : 0);
}
