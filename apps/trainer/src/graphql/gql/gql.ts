/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ClaimedRun on Run {\n    id\n    name\n    status\n    attempts\n    epochCount\n    plannedEpochs\n    decisionEpochs\n    dataset {\n      id\n      path\n      name\n    }\n    hyperparameters {\n      values {\n        name\n        value\n      }\n      baseModel\n      batchSize\n      baseWeights\n      baseWeightsSha256\n    }\n  }\n": typeof types.ClaimedRunFragmentDoc,
    "\n  fragment RunControlFields on RunControl {\n    shouldStop\n    reason\n    leaseExpiresAt\n  }\n": typeof types.RunControlFieldsFragmentDoc,
    "\n  mutation RegisterAgent($input: RegisterAgentInput!) {\n    registerAgent(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.RegisterAgentDocument,
    "\n  mutation ClaimRun($agentId: ID!, $runId: ID) {\n    claimRun(agentId: $agentId, runId: $runId) {\n      ...ClaimedRun\n    }\n  }\n": typeof types.ClaimRunDocument,
    "\n  mutation Heartbeat($input: HeartbeatInput!) {\n    heartbeat(input: $input) {\n      ...RunControlFields\n    }\n  }\n": typeof types.HeartbeatDocument,
    "\n  mutation LogEpochs($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {\n    logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) {\n      inserted\n      control {\n        ...RunControlFields\n      }\n    }\n  }\n": typeof types.LogEpochsDocument,
    "\n  mutation CompleteRun($input: CompleteRunInput!) {\n    completeRun(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CompleteRunDocument,
    "\n  mutation FailRun($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) {\n    failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) {\n      id\n      status\n    }\n  }\n": typeof types.FailRunDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) {\n      id\n      name\n      path\n    }\n  }\n": typeof types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  query Experiments {\n    experiments {\n      id\n      name\n    }\n  }\n": typeof types.ExperimentsDocument,
    "\n  mutation CreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateRunDocument,
    "\n  query RunStatus($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      epochCount\n    }\n  }\n": typeof types.RunStatusDocument,
    "\n  mutation ClaimEvaluation($agentId: ID!) {\n    claimEvaluation(agentId: $agentId) {\n      id\n      runId\n      datasetId\n      datasetPath\n      attempt\n    }\n  }\n": typeof types.ClaimEvaluationDocument,
    "\n  mutation CompleteEvaluation($input: CompleteTestSetInput!) {\n    completeEvaluation(input: $input) {\n      id\n      status\n      accuracy\n    }\n  }\n": typeof types.CompleteEvaluationDocument,
    "\n  mutation FailEvaluation($id: ID!, $agentId: ID!, $attempt: Int!, $error: String!) {\n    failEvaluation(id: $id, agentId: $agentId, attempt: $attempt, error: $error) {\n      id\n      status\n    }\n  }\n": typeof types.FailEvaluationDocument,
};
const documents: Documents = {
    "\n  fragment ClaimedRun on Run {\n    id\n    name\n    status\n    attempts\n    epochCount\n    plannedEpochs\n    decisionEpochs\n    dataset {\n      id\n      path\n      name\n    }\n    hyperparameters {\n      values {\n        name\n        value\n      }\n      baseModel\n      batchSize\n      baseWeights\n      baseWeightsSha256\n    }\n  }\n": types.ClaimedRunFragmentDoc,
    "\n  fragment RunControlFields on RunControl {\n    shouldStop\n    reason\n    leaseExpiresAt\n  }\n": types.RunControlFieldsFragmentDoc,
    "\n  mutation RegisterAgent($input: RegisterAgentInput!) {\n    registerAgent(input: $input) {\n      id\n      name\n    }\n  }\n": types.RegisterAgentDocument,
    "\n  mutation ClaimRun($agentId: ID!, $runId: ID) {\n    claimRun(agentId: $agentId, runId: $runId) {\n      ...ClaimedRun\n    }\n  }\n": types.ClaimRunDocument,
    "\n  mutation Heartbeat($input: HeartbeatInput!) {\n    heartbeat(input: $input) {\n      ...RunControlFields\n    }\n  }\n": types.HeartbeatDocument,
    "\n  mutation LogEpochs($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {\n    logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) {\n      inserted\n      control {\n        ...RunControlFields\n      }\n    }\n  }\n": types.LogEpochsDocument,
    "\n  mutation CompleteRun($input: CompleteRunInput!) {\n    completeRun(input: $input) {\n      id\n      status\n    }\n  }\n": types.CompleteRunDocument,
    "\n  mutation FailRun($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) {\n    failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) {\n      id\n      status\n    }\n  }\n": types.FailRunDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) {\n      id\n      name\n      path\n    }\n  }\n": types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateExperimentDocument,
    "\n  query Experiments {\n    experiments {\n      id\n      name\n    }\n  }\n": types.ExperimentsDocument,
    "\n  mutation CreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateRunDocument,
    "\n  query RunStatus($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      epochCount\n    }\n  }\n": types.RunStatusDocument,
    "\n  mutation ClaimEvaluation($agentId: ID!) {\n    claimEvaluation(agentId: $agentId) {\n      id\n      runId\n      datasetId\n      datasetPath\n      attempt\n    }\n  }\n": types.ClaimEvaluationDocument,
    "\n  mutation CompleteEvaluation($input: CompleteTestSetInput!) {\n    completeEvaluation(input: $input) {\n      id\n      status\n      accuracy\n    }\n  }\n": types.CompleteEvaluationDocument,
    "\n  mutation FailEvaluation($id: ID!, $agentId: ID!, $attempt: Int!, $error: String!) {\n    failEvaluation(id: $id, agentId: $agentId, attempt: $attempt, error: $error) {\n      id\n      status\n    }\n  }\n": types.FailEvaluationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimedRun on Run {\n    id\n    name\n    status\n    attempts\n    epochCount\n    plannedEpochs\n    decisionEpochs\n    dataset {\n      id\n      path\n      name\n    }\n    hyperparameters {\n      values {\n        name\n        value\n      }\n      baseModel\n      batchSize\n      baseWeights\n      baseWeightsSha256\n    }\n  }\n"): typeof import('./graphql').ClaimedRunFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunControlFields on RunControl {\n    shouldStop\n    reason\n    leaseExpiresAt\n  }\n"): typeof import('./graphql').RunControlFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAgent($input: RegisterAgentInput!) {\n    registerAgent(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').RegisterAgentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimRun($agentId: ID!, $runId: ID) {\n    claimRun(agentId: $agentId, runId: $runId) {\n      ...ClaimedRun\n    }\n  }\n"): typeof import('./graphql').ClaimRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Heartbeat($input: HeartbeatInput!) {\n    heartbeat(input: $input) {\n      ...RunControlFields\n    }\n  }\n"): typeof import('./graphql').HeartbeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogEpochs($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {\n    logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) {\n      inserted\n      control {\n        ...RunControlFields\n      }\n    }\n  }\n"): typeof import('./graphql').LogEpochsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteRun($input: CompleteRunInput!) {\n    completeRun(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CompleteRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailRun($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) {\n    failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').FailRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) {\n      id\n      name\n      path\n    }\n  }\n"): typeof import('./graphql').RegisterDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments {\n    experiments {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunStatus($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      epochCount\n    }\n  }\n"): typeof import('./graphql').RunStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimEvaluation($agentId: ID!) {\n    claimEvaluation(agentId: $agentId) {\n      id\n      runId\n      datasetId\n      datasetPath\n      attempt\n    }\n  }\n"): typeof import('./graphql').ClaimEvaluationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteEvaluation($input: CompleteTestSetInput!) {\n    completeEvaluation(input: $input) {\n      id\n      status\n      accuracy\n    }\n  }\n"): typeof import('./graphql').CompleteEvaluationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailEvaluation($id: ID!, $agentId: ID!, $attempt: Int!, $error: String!) {\n    failEvaluation(id: $id, agentId: $agentId, attempt: $attempt, error: $error) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').FailEvaluationDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
