/**
 * Every GraphQL operation the dashboard sends, typed by codegen (`npm run codegen`) from
 * apps/api/schema.graphql. Keeping them in one file keeps the codegen scan cheap and makes
 * the contract surface of the web app reviewable at a glance.
 */
import { graphql } from "../gql";

/**
 * Columns the runs table, sweep page and live patches all share. Hyperparameters come as `values`
 * (every knob, in catalogue order); the typed fields are only those some UI names on purpose (the
 * sweep page's summary columns, the base model / augmentation filters) and the base weights.
 */
export const RunRowFragment = graphql(`
  fragment RunRow on Run {
    id
    name
    status
    experimentId
    sweepId
    backend
    agentId
    createdAt
    startedAt
    finishedAt
    durationMs
    bestValAccuracy
    bestValLoss
    bestEpoch
    finalValAccuracy
    finalValLoss
    epochCount
    plannedEpochs
    error
    stopReason
    tags
    hyperparameters {
      values {
        name
        value
      }
      baseModel
      headUnits
      augmentation
      fineTuneLayers
      learningRate
      baseWeights
      baseWeightsSha256
    }
  }
`);

/**
 * The hyperparameter catalogue: what every knob is, its bounds and rule, how sweeps treat it and
 * which RunField sorts it. The form, the run page, the runs table and Compare derive from it
 * (lib/catalogue.ts), so a knob added to the catalogue needs no change here.
 */
export const HyperparameterCatalogQuery = graphql(`
  query HyperparameterCatalog {
    hyperparameterCatalog {
      name
      label
      description
      kind
      phase
      appliesWhen {
        parameter
        rule
      }
      crossRules {
        relation
        other
        min
        appliesWhen {
          parameter
          rule
        }
        qualifier
      }
      sweep
      searchField
      searchRequired
      nullable
      nullText
      sortField
      default
      min
      max
      exclusiveMin
      exclusiveMax
      scale
      values
      presets {
        name
        ops
      }
      maxLength
      rule
    }
  }
`);

export const EpochFieldsFragment = graphql(`
  fragment EpochFields on Epoch {
    epoch
    phase
    loss
    accuracy
    valLoss
    valAccuracy
    learningRate
    durationMs
    imagesPerSec
    confusionMatrix
    createdAt
  }
`);

export const ExperimentsQuery = graphql(`
  query Experiments {
    experiments {
      id
      name
      description
      createdAt
      runCount
      bestValAccuracy
    }
    sweeps {
      id
      name
      status
      experimentId
      createdAt
      progress {
        total
        planned
        queued
        running
        completed
        failed
        canceled
        stoppedEarly
      }
    }
  }
`);

export const ExperimentQuery = graphql(`
  query Experiment($id: ID!) {
    experiment(id: $id) {
      id
      name
      description
      createdAt
      runCount
      bestValAccuracy
    }
    sweeps(experimentId: $id) {
      id
    }
  }
`);

export const RunsPageQuery = graphql(`
  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {
    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RunRow
      }
    }
  }
`);

export const RunQuery = graphql(`
  query Run($id: ID!) {
    run(id: $id) {
      ...RunRow
      attempts
      engines {
        features
        augmentedEpochs
        fineTuneBottom
        trainable
      }
      notes {
        ...NoteFields
      }
      fineTunedLayers
      experiment {
        id
        name
      }
      sweep {
        id
        name
      }
      dataset {
        id
        name
        path
      }
      agent {
        id
        name
        host
        backend
        status
      }
      checkpoint {
        weightsSha256
        bytes
      }
      epochs {
        ...EpochFields
      }
      evaluation {
        labels
        confusionMatrix
        accuracy
        macroF1
        weightedF1
        perClass {
          label
          precision
          recall
          f1
          support
        }
        misclassified {
          file
          trueLabel
          predictedLabel
          confidence
        }
        evaluatedEpoch
        skippedFiles {
          file
          reason
        }
      }
    }
  }
`);

export const CompareRunsQuery = graphql(`
  query CompareRuns($ids: [ID!]!) {
    compareRuns(ids: $ids) {
      runs {
        ...RunRow
        testSetEvaluations {
          status
          accuracy
          dataset {
            id
            name
          }
        }
        evaluation {
          labels
          perClass {
            label
            precision
            recall
            f1
            support
          }
          accuracy
          macroF1
        }
      }
      differences {
        name
        values
        differs
      }
      curves {
        runId
        epochs {
          ...EpochFields
        }
      }
      labels
      confusionMatrices {
        runId
        matrix
      }
      groups {
        ...RunGroupFields
      }
    }
  }
`);

export const SweepQuery = graphql(`
  query Sweep($id: ID!) {
    sweep(id: $id) {
      id
      name
      status
      strategy
      experimentId
      datasetId
      maxRuns
      seed
      repeats
      earlyTermination
      fixed {
        name
        value
      }
      createdAt
      experiment {
        id
        name
      }
      dataset {
        id
        name
      }
      searchSpace {
        baseModels
        headUnits
        augmentations
        fineTuneLayers
        learningRates
        fineTuneLearningRates
        dropouts
        labelSmoothings
      }
      progress {
        total
        planned
        queued
        running
        completed
        failed
        canceled
        stoppedEarly
      }
      bestRun {
        ...RunRow
      }
      importance {
        ...ParameterImportanceFields
      }
      runs {
        ...RunRow
      }
    }
  }
`);

export const AgentsQuery = graphql(`
  query Agents {
    agents {
      id
      name
      host
      backend
      cores
      gpu
      status
      lastHeartbeatAt
      createdAt
      currentRunId
      currentRun {
        id
        name
        status
        epochCount
        plannedEpochs
      }
    }
  }
`);

export const LaunchOptionsQuery = graphql(`
  query LaunchOptions {
    datasets {
      id
      name
      path
      imageCount
      classes {
        name
        count
      }
    }
    experiments {
      id
      name
    }
    baseModels {
      name
      inputSize
      description
    }
    augmentationPresets {
      name
      ops
    }
  }
`);

export const RegisterDatasetMutation = graphql(`
  mutation RegisterDataset($path: String!, $name: String) {
    registerDataset(path: $path, name: $name) {
      id
      name
      path
      imageCount
      classes {
        name
        count
      }
    }
  }
`);

export const CreateExperimentMutation = graphql(`
  mutation CreateExperiment($input: CreateExperimentInput!) {
    createExperiment(input: $input) {
      id
      name
    }
  }
`);

export const CreateSweepMutation = graphql(`
  mutation CreateSweep($input: CreateSweepInput!) {
    createSweep(input: $input) {
      id
      name
      experimentId
      progress {
        total
      }
    }
  }
`);

export const CancelRunMutation = graphql(`
  mutation CancelRun($runId: ID!) {
    cancelRun(runId: $runId) {
      id
      status
    }
  }
`);

export const CancelSweepMutation = graphql(`
  mutation CancelSweep($sweepId: ID!) {
    cancelSweep(sweepId: $sweepId) {
      id
      status
    }
  }
`);

export const RunUpdatedSubscription = graphql(`
  subscription RunUpdated($experimentId: ID, $sweepId: ID) {
    runUpdated(experimentId: $experimentId, sweepId: $sweepId) {
      ...RunRow
    }
  }
`);

export const EpochLoggedSubscription = graphql(`
  subscription EpochLogged($runId: ID!) {
    epochLogged(runId: $runId) {
      ...EpochFields
    }
  }
`);

export const PairedComparisonQuery = graphql(`
  query PairedComparison($a: ID!, $b: ID!) {
    pairedComparison(a: $a, b: $b) {
      a
      b
      sameValidationSet
      method
      imagesA
      imagesB
      accuracyA
      accuracyB
      accuracyDifference
      ci95Low
      ci95High
      mcnemarPValue
      onlyARight
      onlyBRight
      perClass {
        label
        support
        recallA
        recallB
        difference
      }
      flips {
        file
        trueLabel
        rightRunId
        predictedA
        confidenceA
        predictedB
        confidenceB
      }
    }
    run(id: $a) {
      id
      datasetId
      checkpoint {
        weightsSha256
      }
    }
    runB: run(id: $b) {
      id
      checkpoint {
        weightsSha256
      }
    }
  }
`);

/** A sweep's seed groups: asked for only when the sweep has repeats (it reads every run of the sweep). */
/** A seed group (runs differing only in their training seed) with its metrics' mean ± std. */
export const RunGroupFields = graphql(`
  fragment RunGroupFields on RunGroup {
    key
    runIds
    n
    metrics {
      name
      mean
      std
      n
    }
  }
`);

export const SweepGroupsQuery = graphql(`
  query SweepGroups($id: ID!) {
    sweep(id: $id) {
      id
      groups {
        ...RunGroupFields
      }
    }
  }
`);

export const GroupComparisonQuery = graphql(`
  query GroupComparison($a: [ID!]!, $b: [ID!]!) {
    groupComparison(a: $a, b: $b) {
      images
      accuracyA
      accuracyB
      stdA
      stdB
      accuracyDifference
      ci95Low
      ci95High
      bootstrapResamples
    }
  }
`);

/**
 * The epochs of a sweep's runs, for its seed-group curves (the sweep page's run rows come from
 * SweepQuery): asked for only when the sweep has repeats, and only the fields those charts draw.
 */
export const SweepCurvesQuery = graphql(`
  query SweepCurves($id: ID!) {
    sweep(id: $id) {
      id
      # CURVE_RUNS of components/sweeps/SweepCurves.tsx: the API prices every run's epochs, and 100
      # runs of 50 epochs stay inside one operation's budget.
      runs(first: 100) {
        id
        epochs {
          epoch
          phase
          loss
          accuracy
          valLoss
          valAccuracy
        }
      }
    }
  }
`);

/** A run's evaluations on other datasets, and the datasets it could be evaluated on. */
export const RunTestSetsQuery = graphql(`
  query RunTestSets($id: ID!) {
    run(id: $id) {
      id
      datasetId
      testSetEvaluations {
        id
        status
        error
        accuracy
        macroF1
        weightedF1
        labels
        confusionMatrix
        perClass {
          label
          precision
          recall
          f1
          support
        }
        dataset {
          id
          name
        }
      }
    }
    datasets {
      id
      name
      imageCount
      classes {
        name
      }
    }
  }
`);

export const EvaluateRunMutation = graphql(`
  mutation EvaluateRun($runId: ID!, $datasetId: ID!) {
    evaluateRun(runId: $runId, datasetId: $datasetId) {
      id
      status
    }
  }
`);

/** The seed groups of the runs a filter selects (the runs table's "Seed groups"). */
export const RunGroupsQuery = graphql(`
  query RunGroups($filter: RunFilter) {
    runGroups(filter: $filter) {
      truncated
      runs {
        id
        name
        status
      }
      groups {
        ...RunGroupFields
      }
    }
  }
`);

/** A run's note as the run page lists it. */
export const NoteFieldsFragment = graphql(`
  fragment NoteFields on Note {
    id
    text
    createdAt
  }
`);

/**
 * "What matters most": fANOVA's share of variance per searched knob (± its spread over the
 * forest's trees) and the knob's marginal effect, value by value.
 */
export const ParameterImportanceFieldsFragment = graphql(`
  fragment ParameterImportanceFields on ParameterImportance {
    parameter
    importance
    importanceSd
    correlation
    runCount
    marginal {
      value
      numeric
      mean
      sd
      trials
    }
  }
`);

/** What the run page's annotations change: its name, tags and notes (every annotation mutation answers these). */
export const RunAnnotationsFragment = graphql(`
  fragment RunAnnotations on Run {
    id
    name
    tags
    notes {
      ...NoteFields
    }
  }
`);

export const RenameRunMutation = graphql(`
  mutation RenameRun($input: RenameRunInput!) {
    renameRun(input: $input) {
      ...RunAnnotations
    }
  }
`);

export const AddTagMutation = graphql(`
  mutation AddTag($runId: ID!, $tag: String!) {
    addTag(runId: $runId, tag: $tag) {
      ...RunAnnotations
    }
  }
`);

export const RemoveTagMutation = graphql(`
  mutation RemoveTag($runId: ID!, $tag: String!) {
    removeTag(runId: $runId, tag: $tag) {
      ...RunAnnotations
    }
  }
`);

export const AddNoteMutation = graphql(`
  mutation AddNote($runId: ID!, $text: String!) {
    addNote(runId: $runId, text: $text) {
      ...RunAnnotations
    }
  }
`);

export const EditNoteMutation = graphql(`
  mutation EditNote($runId: ID!, $noteId: ID!, $text: String!) {
    editNote(runId: $runId, noteId: $noteId, text: $text) {
      ...RunAnnotations
    }
  }
`);

export const RemoveNoteMutation = graphql(`
  mutation RemoveNote($runId: ID!, $noteId: ID!) {
    removeNote(runId: $runId, noteId: $noteId) {
      ...RunAnnotations
    }
  }
`);

/** A FAILED or CANCELED run back in the queue (a fresh retry budget; its sweep runs again). */
export const RequeueRunMutation = graphql(`
  mutation RequeueRun($runId: ID!) {
    requeueRun(runId: $runId) {
      ...RunRow
    }
  }
`);

/** Deletes a run that is not RUNNING with all it owns; answers its id. */
export const DeleteRunMutation = graphql(`
  mutation DeleteRun($runId: ID!) {
    deleteRun(runId: $runId)
  }
`);

/** Widens a RUNNING or COMPLETED sweep: values added to its lists and/or a larger maxRuns. */
export const ExtendSweepMutation = graphql(`
  mutation ExtendSweep($input: ExtendSweepInput!) {
    extendSweep(input: $input) {
      id
      status
      maxRuns
      progress {
        total
        planned
      }
    }
  }
`);

/** A CANCELED sweep runs again; its CANCELED runs go back in the queue. */
export const ResumeSweepMutation = graphql(`
  mutation ResumeSweep($sweepId: ID!) {
    resumeSweep(sweepId: $sweepId) {
      id
      status
    }
  }
`);

/** Deletes a sweep with its runs (refused with CONFLICT while one of them is RUNNING). */
export const DeleteSweepMutation = graphql(`
  mutation DeleteSweep($sweepId: ID!) {
    deleteSweep(sweepId: $sweepId)
  }
`);

/** Deletes an experiment with its sweeps and runs (refused with CONFLICT while one of its runs is RUNNING). */
export const DeleteExperimentMutation = graphql(`
  mutation DeleteExperiment($experimentId: ID!) {
    deleteExperiment(experimentId: $experimentId)
  }
`);

/** Forgets a dataset with the runs and sweeps trained on it; its photos stay on disk. */
export const DeleteDatasetMutation = graphql(`
  mutation DeleteDataset($datasetId: ID!) {
    deleteDataset(datasetId: $datasetId)
  }
`);

/** What deleting a dataset takes with it: the runs trained on it (counted) and the sweeps (filtered by the caller). */
export const DatasetUsageQuery = graphql(`
  query DatasetUsage($datasetId: ID!) {
    runs(filter: { datasetId: $datasetId }, first: 1) {
      totalCount
    }
    sweeps {
      id
      datasetId
    }
  }
`);
