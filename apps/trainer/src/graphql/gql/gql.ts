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
    "\n  fragment ClaimedRun on Run {\n    id name status attempts epochCount plannedEpochs\n    dataset { id path name }\n    hyperparameters { values { name value } baseModel batchSize baseWeights baseWeightsSha256 }\n  }\n": typeof types.ClaimedRunFragmentDoc,
    "\n  fragment RunControlFields on RunControl { shouldStop reason leaseExpiresAt }\n": typeof types.RunControlFieldsFragmentDoc,
    "\n  mutation RegisterAgent($input: RegisterAgentInput!) { registerAgent(input: $input) { id name } }\n": typeof types.RegisterAgentDocument,
    "\n  mutation ClaimRun($agentId: ID!, $runId: ID) { claimRun(agentId: $agentId, runId: $runId) { ...ClaimedRun } }\n": typeof types.ClaimRunDocument,
    "\n  mutation Heartbeat($input: HeartbeatInput!) { heartbeat(input: $input) { ...RunControlFields } }\n": typeof types.HeartbeatDocument,
    "\n  mutation LogEpochs($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {\n    logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) { inserted control { ...RunControlFields } }\n  }\n": typeof types.LogEpochsDocument,
    "\n  mutation CompleteRun($input: CompleteRunInput!) { completeRun(input: $input) { id status } }\n": typeof types.CompleteRunDocument,
    "\n  mutation FailRun($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) {\n    failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) { id status }\n  }\n": typeof types.FailRunDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) { registerDataset(path: $path, name: $name) { id name path } }\n": typeof types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) { createExperiment(input: $input) { id name } }\n": typeof types.CreateExperimentDocument,
    "\n  query Experiments { experiments { id name } }\n": typeof types.ExperimentsDocument,
    "\n  mutation CreateRun($input: CreateRunInput!) { createRun(input: $input) { id name } }\n": typeof types.CreateRunDocument,
    "\n  query RunStatus($id: ID!) { run(id: $id) { id status epochCount } }\n": typeof types.RunStatusDocument,
};
const documents: Documents = {
    "\n  fragment ClaimedRun on Run {\n    id name status attempts epochCount plannedEpochs\n    dataset { id path name }\n    hyperparameters { values { name value } baseModel batchSize baseWeights baseWeightsSha256 }\n  }\n": types.ClaimedRunFragmentDoc,
    "\n  fragment RunControlFields on RunControl { shouldStop reason leaseExpiresAt }\n": types.RunControlFieldsFragmentDoc,
    "\n  mutation RegisterAgent($input: RegisterAgentInput!) { registerAgent(input: $input) { id name } }\n": types.RegisterAgentDocument,
    "\n  mutation ClaimRun($agentId: ID!, $runId: ID) { claimRun(agentId: $agentId, runId: $runId) { ...ClaimedRun } }\n": types.ClaimRunDocument,
    "\n  mutation Heartbeat($input: HeartbeatInput!) { heartbeat(input: $input) { ...RunControlFields } }\n": types.HeartbeatDocument,
    "\n  mutation LogEpochs($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {\n    logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) { inserted control { ...RunControlFields } }\n  }\n": types.LogEpochsDocument,
    "\n  mutation CompleteRun($input: CompleteRunInput!) { completeRun(input: $input) { id status } }\n": types.CompleteRunDocument,
    "\n  mutation FailRun($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) {\n    failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) { id status }\n  }\n": types.FailRunDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) { registerDataset(path: $path, name: $name) { id name path } }\n": types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) { createExperiment(input: $input) { id name } }\n": types.CreateExperimentDocument,
    "\n  query Experiments { experiments { id name } }\n": types.ExperimentsDocument,
    "\n  mutation CreateRun($input: CreateRunInput!) { createRun(input: $input) { id name } }\n": types.CreateRunDocument,
    "\n  query RunStatus($id: ID!) { run(id: $id) { id status epochCount } }\n": types.RunStatusDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimedRun on Run {\n    id name status attempts epochCount plannedEpochs\n    dataset { id path name }\n    hyperparameters { values { name value } baseModel batchSize baseWeights baseWeightsSha256 }\n  }\n"): typeof import('./graphql').ClaimedRunFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunControlFields on RunControl { shouldStop reason leaseExpiresAt }\n"): typeof import('./graphql').RunControlFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAgent($input: RegisterAgentInput!) { registerAgent(input: $input) { id name } }\n"): typeof import('./graphql').RegisterAgentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimRun($agentId: ID!, $runId: ID) { claimRun(agentId: $agentId, runId: $runId) { ...ClaimedRun } }\n"): typeof import('./graphql').ClaimRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Heartbeat($input: HeartbeatInput!) { heartbeat(input: $input) { ...RunControlFields } }\n"): typeof import('./graphql').HeartbeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogEpochs($runId: ID!, $agentId: ID, $attempt: Int, $epochs: [EpochInput!]!) {\n    logEpochs(runId: $runId, agentId: $agentId, attempt: $attempt, epochs: $epochs) { inserted control { ...RunControlFields } }\n  }\n"): typeof import('./graphql').LogEpochsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteRun($input: CompleteRunInput!) { completeRun(input: $input) { id status } }\n"): typeof import('./graphql').CompleteRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailRun($runId: ID!, $agentId: ID, $attempt: Int, $error: String!) {\n    failRun(runId: $runId, agentId: $agentId, attempt: $attempt, error: $error) { id status }\n  }\n"): typeof import('./graphql').FailRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterDataset($path: String!, $name: String) { registerDataset(path: $path, name: $name) { id name path } }\n"): typeof import('./graphql').RegisterDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) { createExperiment(input: $input) { id name } }\n"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments { experiments { id name } }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRun($input: CreateRunInput!) { createRun(input: $input) { id name } }\n"): typeof import('./graphql').CreateRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunStatus($id: ID!) { run(id: $id) { id status epochCount } }\n"): typeof import('./graphql').RunStatusDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
