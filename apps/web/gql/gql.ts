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
    "\n  fragment RunRow on Run {\n    id name status experimentId sweepId backend agentId\n    createdAt startedAt finishedAt durationMs\n    bestValAccuracy bestValLoss bestEpoch finalValAccuracy finalValLoss epochCount plannedEpochs error stopReason\n    hyperparameters {\n      values { name value }\n      baseModel headUnits augmentation fineTuneLayers learningRate baseWeights baseWeightsSha256\n    }\n  }\n": typeof types.RunRowFragmentDoc,
    "\n  query HyperparameterCatalog {\n    hyperparameterCatalog {\n      name label description kind phase appliesWhen { parameter rule } sweep searchField searchRequired\n      nullable sortField default min max exclusiveMin exclusiveMax scale values presets { name ops } maxLength rule\n    }\n  }\n": typeof types.HyperparameterCatalogDocument,
    "\n  fragment EpochFields on Epoch {\n    epoch phase loss accuracy valLoss valAccuracy learningRate durationMs imagesPerSec createdAt\n  }\n": typeof types.EpochFieldsFragmentDoc,
    "\n  query Experiments {\n    experiments { id name description createdAt runCount bestValAccuracy }\n    sweeps { id name status experimentId createdAt progress { total queued running completed failed canceled stoppedEarly } }\n  }\n": typeof types.ExperimentsDocument,
    "\n  query Experiment($id: ID!) {\n    experiment(id: $id) { id name description createdAt runCount bestValAccuracy }\n  }\n": typeof types.ExperimentDocument,
    "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...RunRow }\n    }\n  }\n": typeof types.RunsPageDocument,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunRow\n      attempts tags fineTunedLayers\n      experiment { id name }\n      sweep { id name }\n      dataset { id name path }\n      agent { id name host backend status }\n      epochs { ...EpochFields }\n      evaluation {\n        labels confusionMatrix accuracy macroF1 weightedF1\n        perClass { label precision recall f1 support }\n        misclassified { file trueLabel predictedLabel confidence }\n        evaluatedEpoch\n        skippedFiles { file reason }\n      }\n    }\n  }\n": typeof types.RunDocument,
    "\n  query CompareRuns($ids: [ID!]!) {\n    compareRuns(ids: $ids) {\n      runs {\n        ...RunRow\n        evaluation { labels perClass { label precision recall f1 support } accuracy macroF1 }\n      }\n      differences { name values differs }\n      curves { runId epochs { ...EpochFields } }\n      labels\n      confusionMatrices { runId matrix }\n    }\n  }\n": typeof types.CompareRunsDocument,
    "\n  query Sweep($id: ID!) {\n    sweep(id: $id) {\n      id name status strategy experimentId datasetId maxRuns seed earlyTermination epochs fineTuneEpochs batchSize createdAt\n      experiment { id name }\n      dataset { id name }\n      searchSpace { baseModels headUnits augmentations fineTuneLayers learningRates fineTuneLearningRates dropouts }\n      progress { total queued running completed failed canceled stoppedEarly }\n      bestRun { ...RunRow }\n      importance { parameter correlation }\n      runs { ...RunRow }\n    }\n  }\n": typeof types.SweepDocument,
    "\n  query Agents {\n    agents {\n      id name host backend cores gpu status lastHeartbeatAt createdAt currentRunId\n      currentRun { id name status epochCount plannedEpochs }\n    }\n  }\n": typeof types.AgentsDocument,
    "\n  query LaunchOptions {\n    datasets { id name path imageCount classes { name count } }\n    experiments { id name }\n    baseModels { name inputSize description }\n    augmentationPresets { name ops }\n  }\n": typeof types.LaunchOptionsDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) { id name path imageCount classes { name count } }\n  }\n": typeof types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { id name }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  mutation CreateSweep($input: CreateSweepInput!) {\n    createSweep(input: $input) { id name experimentId progress { total } }\n  }\n": typeof types.CreateSweepDocument,
    "\n  mutation CancelRun($runId: ID!) { cancelRun(runId: $runId) { id status } }\n": typeof types.CancelRunDocument,
    "\n  mutation CancelSweep($sweepId: ID!) { cancelSweep(sweepId: $sweepId) { id status } }\n": typeof types.CancelSweepDocument,
    "\n  subscription RunUpdated($experimentId: ID, $sweepId: ID) {\n    runUpdated(experimentId: $experimentId, sweepId: $sweepId) { ...RunRow }\n  }\n": typeof types.RunUpdatedDocument,
    "\n  subscription EpochLogged($runId: ID!) {\n    epochLogged(runId: $runId) { ...EpochFields }\n  }\n": typeof types.EpochLoggedDocument,
};
const documents: Documents = {
    "\n  fragment RunRow on Run {\n    id name status experimentId sweepId backend agentId\n    createdAt startedAt finishedAt durationMs\n    bestValAccuracy bestValLoss bestEpoch finalValAccuracy finalValLoss epochCount plannedEpochs error stopReason\n    hyperparameters {\n      values { name value }\n      baseModel headUnits augmentation fineTuneLayers learningRate baseWeights baseWeightsSha256\n    }\n  }\n": types.RunRowFragmentDoc,
    "\n  query HyperparameterCatalog {\n    hyperparameterCatalog {\n      name label description kind phase appliesWhen { parameter rule } sweep searchField searchRequired\n      nullable sortField default min max exclusiveMin exclusiveMax scale values presets { name ops } maxLength rule\n    }\n  }\n": types.HyperparameterCatalogDocument,
    "\n  fragment EpochFields on Epoch {\n    epoch phase loss accuracy valLoss valAccuracy learningRate durationMs imagesPerSec createdAt\n  }\n": types.EpochFieldsFragmentDoc,
    "\n  query Experiments {\n    experiments { id name description createdAt runCount bestValAccuracy }\n    sweeps { id name status experimentId createdAt progress { total queued running completed failed canceled stoppedEarly } }\n  }\n": types.ExperimentsDocument,
    "\n  query Experiment($id: ID!) {\n    experiment(id: $id) { id name description createdAt runCount bestValAccuracy }\n  }\n": types.ExperimentDocument,
    "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...RunRow }\n    }\n  }\n": types.RunsPageDocument,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunRow\n      attempts tags fineTunedLayers\n      experiment { id name }\n      sweep { id name }\n      dataset { id name path }\n      agent { id name host backend status }\n      epochs { ...EpochFields }\n      evaluation {\n        labels confusionMatrix accuracy macroF1 weightedF1\n        perClass { label precision recall f1 support }\n        misclassified { file trueLabel predictedLabel confidence }\n        evaluatedEpoch\n        skippedFiles { file reason }\n      }\n    }\n  }\n": types.RunDocument,
    "\n  query CompareRuns($ids: [ID!]!) {\n    compareRuns(ids: $ids) {\n      runs {\n        ...RunRow\n        evaluation { labels perClass { label precision recall f1 support } accuracy macroF1 }\n      }\n      differences { name values differs }\n      curves { runId epochs { ...EpochFields } }\n      labels\n      confusionMatrices { runId matrix }\n    }\n  }\n": types.CompareRunsDocument,
    "\n  query Sweep($id: ID!) {\n    sweep(id: $id) {\n      id name status strategy experimentId datasetId maxRuns seed earlyTermination epochs fineTuneEpochs batchSize createdAt\n      experiment { id name }\n      dataset { id name }\n      searchSpace { baseModels headUnits augmentations fineTuneLayers learningRates fineTuneLearningRates dropouts }\n      progress { total queued running completed failed canceled stoppedEarly }\n      bestRun { ...RunRow }\n      importance { parameter correlation }\n      runs { ...RunRow }\n    }\n  }\n": types.SweepDocument,
    "\n  query Agents {\n    agents {\n      id name host backend cores gpu status lastHeartbeatAt createdAt currentRunId\n      currentRun { id name status epochCount plannedEpochs }\n    }\n  }\n": types.AgentsDocument,
    "\n  query LaunchOptions {\n    datasets { id name path imageCount classes { name count } }\n    experiments { id name }\n    baseModels { name inputSize description }\n    augmentationPresets { name ops }\n  }\n": types.LaunchOptionsDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) { id name path imageCount classes { name count } }\n  }\n": types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { id name }\n  }\n": types.CreateExperimentDocument,
    "\n  mutation CreateSweep($input: CreateSweepInput!) {\n    createSweep(input: $input) { id name experimentId progress { total } }\n  }\n": types.CreateSweepDocument,
    "\n  mutation CancelRun($runId: ID!) { cancelRun(runId: $runId) { id status } }\n": types.CancelRunDocument,
    "\n  mutation CancelSweep($sweepId: ID!) { cancelSweep(sweepId: $sweepId) { id status } }\n": types.CancelSweepDocument,
    "\n  subscription RunUpdated($experimentId: ID, $sweepId: ID) {\n    runUpdated(experimentId: $experimentId, sweepId: $sweepId) { ...RunRow }\n  }\n": types.RunUpdatedDocument,
    "\n  subscription EpochLogged($runId: ID!) {\n    epochLogged(runId: $runId) { ...EpochFields }\n  }\n": types.EpochLoggedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRow on Run {\n    id name status experimentId sweepId backend agentId\n    createdAt startedAt finishedAt durationMs\n    bestValAccuracy bestValLoss bestEpoch finalValAccuracy finalValLoss epochCount plannedEpochs error stopReason\n    hyperparameters {\n      values { name value }\n      baseModel headUnits augmentation fineTuneLayers learningRate baseWeights baseWeightsSha256\n    }\n  }\n"): typeof import('./graphql').RunRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HyperparameterCatalog {\n    hyperparameterCatalog {\n      name label description kind phase appliesWhen { parameter rule } sweep searchField searchRequired\n      nullable sortField default min max exclusiveMin exclusiveMax scale values presets { name ops } maxLength rule\n    }\n  }\n"): typeof import('./graphql').HyperparameterCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EpochFields on Epoch {\n    epoch phase loss accuracy valLoss valAccuracy learningRate durationMs imagesPerSec createdAt\n  }\n"): typeof import('./graphql').EpochFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments {\n    experiments { id name description createdAt runCount bestValAccuracy }\n    sweeps { id name status experimentId createdAt progress { total queued running completed failed canceled stoppedEarly } }\n  }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiment($id: ID!) {\n    experiment(id: $id) { id name description createdAt runCount bestValAccuracy }\n  }\n"): typeof import('./graphql').ExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...RunRow }\n    }\n  }\n"): typeof import('./graphql').RunsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunRow\n      attempts tags fineTunedLayers\n      experiment { id name }\n      sweep { id name }\n      dataset { id name path }\n      agent { id name host backend status }\n      epochs { ...EpochFields }\n      evaluation {\n        labels confusionMatrix accuracy macroF1 weightedF1\n        perClass { label precision recall f1 support }\n        misclassified { file trueLabel predictedLabel confidence }\n        evaluatedEpoch\n        skippedFiles { file reason }\n      }\n    }\n  }\n"): typeof import('./graphql').RunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareRuns($ids: [ID!]!) {\n    compareRuns(ids: $ids) {\n      runs {\n        ...RunRow\n        evaluation { labels perClass { label precision recall f1 support } accuracy macroF1 }\n      }\n      differences { name values differs }\n      curves { runId epochs { ...EpochFields } }\n      labels\n      confusionMatrices { runId matrix }\n    }\n  }\n"): typeof import('./graphql').CompareRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sweep($id: ID!) {\n    sweep(id: $id) {\n      id name status strategy experimentId datasetId maxRuns seed earlyTermination epochs fineTuneEpochs batchSize createdAt\n      experiment { id name }\n      dataset { id name }\n      searchSpace { baseModels headUnits augmentations fineTuneLayers learningRates fineTuneLearningRates dropouts }\n      progress { total queued running completed failed canceled stoppedEarly }\n      bestRun { ...RunRow }\n      importance { parameter correlation }\n      runs { ...RunRow }\n    }\n  }\n"): typeof import('./graphql').SweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agents {\n    agents {\n      id name host backend cores gpu status lastHeartbeatAt createdAt currentRunId\n      currentRun { id name status epochCount plannedEpochs }\n    }\n  }\n"): typeof import('./graphql').AgentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchOptions {\n    datasets { id name path imageCount classes { name count } }\n    experiments { id name }\n    baseModels { name inputSize description }\n    augmentationPresets { name ops }\n  }\n"): typeof import('./graphql').LaunchOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) { id name path imageCount classes { name count } }\n  }\n"): typeof import('./graphql').RegisterDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { id name }\n  }\n"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSweep($input: CreateSweepInput!) {\n    createSweep(input: $input) { id name experimentId progress { total } }\n  }\n"): typeof import('./graphql').CreateSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($runId: ID!) { cancelRun(runId: $runId) { id status } }\n"): typeof import('./graphql').CancelRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSweep($sweepId: ID!) { cancelSweep(sweepId: $sweepId) { id status } }\n"): typeof import('./graphql').CancelSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdated($experimentId: ID, $sweepId: ID) {\n    runUpdated(experimentId: $experimentId, sweepId: $sweepId) { ...RunRow }\n  }\n"): typeof import('./graphql').RunUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EpochLogged($runId: ID!) {\n    epochLogged(runId: $runId) { ...EpochFields }\n  }\n"): typeof import('./graphql').EpochLoggedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
