/**
 * Every GraphQL operation the trainer sends, in one place, typed with its variables and result.
 * The selections ask only for what the trainer reads, so the API can grow without breaking agents.
 */
import type { Operation } from "./client";
import type {
  ClaimedRun,
  CompleteRunInput,
  EpochInput,
  Hyperparameters,
  RegisterAgentInput,
  RunControl,
  RunStatus,
} from "./types";

function op<TData, TVariables>(name: string, document: string): Operation<TData, TVariables> {
  return { name, document };
}

const RUN_FOR_AGENT = `
  id name status attempts epochCount
  dataset { id path name }
  hyperparameters {
    baseModel inputSize headUnits dropout augmentation optimizer learningRate epochs
    fineTuneLayers fineTuneEpochs fineTuneLearningRate batchSize seed validationSplit earlyStoppingPatience
  }`;

const CONTROL = `shouldStop reason leaseExpiresAt`;

export const REGISTER_AGENT = op<{ registerAgent: { id: string; name: string } }, { input: RegisterAgentInput }>(
  "RegisterAgent",
  `mutation RegisterAgent($input: RegisterAgentInput!) { registerAgent(input: $input) { id name } }`,
);

export const CLAIM_RUN = op<{ claimRun: ClaimedRun | null }, { agentId: string; runId?: string | null }>(
  "ClaimRun",
  `mutation ClaimRun($agentId: ID!, $runId: ID) { claimRun(agentId: $agentId, runId: $runId) { ${RUN_FOR_AGENT} } }`,
);

export const HEARTBEAT = op<{ heartbeat: RunControl }, { input: { agentId: string; runId?: string | null; backend?: string | null } }>(
  "Heartbeat",
  `mutation Heartbeat($input: HeartbeatInput!) { heartbeat(input: $input) { ${CONTROL} } }`,
);

export const LOG_EPOCHS = op<
  { logEpochs: { inserted: number; control: RunControl } },
  { runId: string; agentId?: string | null; epochs: EpochInput[] }
>(
  "LogEpochs",
  `mutation LogEpochs($runId: ID!, $agentId: ID, $epochs: [EpochInput!]!) {
    logEpochs(runId: $runId, agentId: $agentId, epochs: $epochs) { inserted control { ${CONTROL} } }
  }`,
);

export const COMPLETE_RUN = op<{ completeRun: { id: string; status: RunStatus } }, { input: CompleteRunInput }>(
  "CompleteRun",
  `mutation CompleteRun($input: CompleteRunInput!) { completeRun(input: $input) { id status } }`,
);

export const FAIL_RUN = op<{ failRun: { id: string; status: RunStatus } }, { runId: string; agentId?: string | null; error: string }>(
  "FailRun",
  `mutation FailRun($runId: ID!, $agentId: ID, $error: String!) { failRun(runId: $runId, agentId: $agentId, error: $error) { id status } }`,
);

export const REGISTER_DATASET = op<
  { registerDataset: { id: string; name: string; path: string } },
  { path: string; name?: string | null }
>(
  "RegisterDataset",
  `mutation RegisterDataset($path: String!, $name: String) { registerDataset(path: $path, name: $name) { id name path } }`,
);

export const CREATE_EXPERIMENT = op<{ createExperiment: { id: string; name: string } }, { input: { name: string; description?: string | null } }>(
  "CreateExperiment",
  `mutation CreateExperiment($input: CreateExperimentInput!) { createExperiment(input: $input) { id name } }`,
);

export const EXPERIMENTS = op<{ experiments: Array<{ id: string; name: string }> }, Record<string, never>>(
  "Experiments",
  `query Experiments { experiments { id name } }`,
);

export const CREATE_RUN = op<
  { createRun: { id: string; name: string } },
  { input: { datasetId: string; experimentId?: string | null; name?: string | null; hyperparameters: Omit<Hyperparameters, "inputSize">; tags?: string[] } }
>(
  "CreateRun",
  `mutation CreateRun($input: CreateRunInput!) { createRun(input: $input) { id name } }`,
);

export const RUN_STATUS = op<{ run: { id: string; status: RunStatus; epochCount: number } }, { id: string }>(
  "RunStatus",
  `query RunStatus($id: ID!) { run(id: $id) { id status epochCount } }`,
);
