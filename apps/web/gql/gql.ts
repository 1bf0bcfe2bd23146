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
    "\n  fragment RunRow on Run {\n    id\n    name\n    status\n    experimentId\n    sweepId\n    backend\n    agentId\n    createdAt\n    startedAt\n    finishedAt\n    durationMs\n    bestValAccuracy\n    bestValLoss\n    bestEpoch\n    finalValAccuracy\n    finalValLoss\n    epochCount\n    plannedEpochs\n    error\n    stopReason\n    tags\n    hyperparameters {\n      values {\n        name\n        value\n      }\n      baseModel\n      headUnits\n      augmentation\n      fineTuneLayers\n      learningRate\n      baseWeights\n      baseWeightsSha256\n    }\n  }\n": typeof types.RunRowFragmentDoc,
    "\n  query HyperparameterCatalog {\n    hyperparameterCatalog {\n      name\n      label\n      description\n      kind\n      phase\n      appliesWhen {\n        parameter\n        rule\n      }\n      crossRules {\n        relation\n        other\n        min\n        appliesWhen {\n          parameter\n          rule\n        }\n        qualifier\n      }\n      sweep\n      searchField\n      searchRequired\n      nullable\n      nullText\n      sortField\n      default\n      min\n      max\n      exclusiveMin\n      exclusiveMax\n      scale\n      values\n      presets {\n        name\n        ops\n      }\n      maxLength\n      rule\n    }\n  }\n": typeof types.HyperparameterCatalogDocument,
    "\n  fragment EpochFields on Epoch {\n    epoch\n    phase\n    loss\n    accuracy\n    valLoss\n    valAccuracy\n    learningRate\n    durationMs\n    imagesPerSec\n    confusionMatrix\n    createdAt\n  }\n": typeof types.EpochFieldsFragmentDoc,
    "\n  query Experiments {\n    experiments {\n      id\n      name\n      description\n      createdAt\n      runCount\n      bestValAccuracy\n    }\n    sweeps {\n      id\n      name\n      status\n      experimentId\n      createdAt\n      progress {\n        total\n        planned\n        queued\n        running\n        completed\n        failed\n        canceled\n        stoppedEarly\n      }\n    }\n  }\n": typeof types.ExperimentsDocument,
    "\n  query Experiment($id: ID!) {\n    experiment(id: $id) {\n      id\n      name\n      description\n      createdAt\n      runCount\n      bestValAccuracy\n    }\n    sweeps(experimentId: $id) {\n      id\n    }\n  }\n": typeof types.ExperimentDocument,
    "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n": typeof types.RunsPageDocument,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunRow\n      attempts\n      engines {\n        features\n        augmentedEpochs\n        fineTuneBottom\n        trainable\n      }\n      notes {\n        ...NoteFields\n      }\n      fineTunedLayers\n      experiment {\n        id\n        name\n      }\n      sweep {\n        id\n        name\n      }\n      dataset {\n        id\n        name\n        path\n      }\n      agent {\n        id\n        name\n        host\n        backend\n        status\n      }\n      checkpoint {\n        weightsSha256\n        bytes\n      }\n      epochs {\n        ...EpochFields\n      }\n      evaluation {\n        labels\n        confusionMatrix\n        accuracy\n        macroF1\n        weightedF1\n        perClass {\n          label\n          precision\n          recall\n          f1\n          support\n        }\n        misclassified {\n          file\n          trueLabel\n          predictedLabel\n          confidence\n        }\n        evaluatedEpoch\n        skippedFiles {\n          file\n          reason\n        }\n      }\n    }\n  }\n": typeof types.RunDocument,
    "\n  query CompareRuns($ids: [ID!]!) {\n    compareRuns(ids: $ids) {\n      runs {\n        ...RunRow\n        testSetEvaluations {\n          status\n          accuracy\n          dataset {\n            id\n            name\n          }\n        }\n        evaluation {\n          labels\n          perClass {\n            label\n            precision\n            recall\n            f1\n            support\n          }\n          accuracy\n          macroF1\n        }\n      }\n      differences {\n        name\n        values\n        differs\n      }\n      curves {\n        runId\n        epochs {\n          ...EpochFields\n        }\n      }\n      labels\n      confusionMatrices {\n        runId\n        matrix\n      }\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n": typeof types.CompareRunsDocument,
    "\n  query Sweep($id: ID!) {\n    sweep(id: $id) {\n      id\n      name\n      status\n      strategy\n      experimentId\n      datasetId\n      maxRuns\n      seed\n      repeats\n      earlyTermination\n      fixed {\n        name\n        value\n      }\n      createdAt\n      experiment {\n        id\n        name\n      }\n      dataset {\n        id\n        name\n      }\n      searchSpace {\n        baseModels\n        headUnits\n        augmentations\n        fineTuneLayers\n        learningRates\n        fineTuneLearningRates\n        dropouts\n        labelSmoothings\n      }\n      progress {\n        total\n        planned\n        queued\n        running\n        completed\n        failed\n        canceled\n        stoppedEarly\n      }\n      bestRun {\n        ...RunRow\n      }\n      importance {\n        ...ParameterImportanceFields\n      }\n      runs {\n        ...RunRow\n      }\n    }\n  }\n": typeof types.SweepDocument,
    "\n  query Agents {\n    agents {\n      id\n      name\n      host\n      backend\n      cores\n      gpu\n      status\n      lastHeartbeatAt\n      createdAt\n      currentRunId\n      currentRun {\n        id\n        name\n        status\n        epochCount\n        plannedEpochs\n      }\n    }\n  }\n": typeof types.AgentsDocument,
    "\n  query LaunchOptions {\n    datasets {\n      id\n      name\n      path\n      imageCount\n      classes {\n        name\n        count\n      }\n    }\n    experiments {\n      id\n      name\n    }\n    baseModels {\n      name\n      inputSize\n      description\n    }\n    augmentationPresets {\n      name\n      ops\n    }\n  }\n": typeof types.LaunchOptionsDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) {\n      id\n      name\n      path\n      imageCount\n      classes {\n        name\n        count\n      }\n    }\n  }\n": typeof types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  mutation CreateSweep($input: CreateSweepInput!) {\n    createSweep(input: $input) {\n      id\n      name\n      experimentId\n      progress {\n        total\n      }\n    }\n  }\n": typeof types.CreateSweepDocument,
    "\n  mutation CancelRun($runId: ID!) {\n    cancelRun(runId: $runId) {\n      id\n      status\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  mutation CancelSweep($sweepId: ID!) {\n    cancelSweep(sweepId: $sweepId) {\n      id\n      status\n    }\n  }\n": typeof types.CancelSweepDocument,
    "\n  subscription RunUpdated($experimentId: ID, $sweepId: ID) {\n    runUpdated(experimentId: $experimentId, sweepId: $sweepId) {\n      ...RunRow\n    }\n  }\n": typeof types.RunUpdatedDocument,
    "\n  subscription EpochLogged($runId: ID!) {\n    epochLogged(runId: $runId) {\n      ...EpochFields\n    }\n  }\n": typeof types.EpochLoggedDocument,
    "\n  query PairedComparison($a: ID!, $b: ID!) {\n    pairedComparison(a: $a, b: $b) {\n      a\n      b\n      sameValidationSet\n      method\n      imagesA\n      imagesB\n      accuracyA\n      accuracyB\n      accuracyDifference\n      ci95Low\n      ci95High\n      mcnemarPValue\n      onlyARight\n      onlyBRight\n      perClass {\n        label\n        support\n        recallA\n        recallB\n        difference\n      }\n      flips {\n        file\n        trueLabel\n        rightRunId\n        predictedA\n        confidenceA\n        predictedB\n        confidenceB\n      }\n    }\n    run(id: $a) {\n      id\n      datasetId\n      checkpoint {\n        weightsSha256\n      }\n    }\n    runB: run(id: $b) {\n      id\n      checkpoint {\n        weightsSha256\n      }\n    }\n  }\n": typeof types.PairedComparisonDocument,
    "\n  fragment RunGroupFields on RunGroup {\n    key\n    runIds\n    n\n    metrics {\n      name\n      mean\n      std\n      n\n    }\n  }\n": typeof types.RunGroupFieldsFragmentDoc,
    "\n  query SweepGroups($id: ID!) {\n    sweep(id: $id) {\n      id\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n": typeof types.SweepGroupsDocument,
    "\n  query GroupComparison($a: [ID!]!, $b: [ID!]!) {\n    groupComparison(a: $a, b: $b) {\n      images\n      accuracyA\n      accuracyB\n      stdA\n      stdB\n      accuracyDifference\n      ci95Low\n      ci95High\n      bootstrapResamples\n    }\n  }\n": typeof types.GroupComparisonDocument,
    "\n  query SweepCurves($id: ID!) {\n    sweep(id: $id) {\n      id\n      # CURVE_RUNS of components/sweeps/SweepCurves.tsx: the API prices every run's epochs, and 100\n      # runs of 50 epochs stay inside one operation's budget.\n      runs(first: 100) {\n        id\n        epochs {\n          epoch\n          phase\n          loss\n          accuracy\n          valLoss\n          valAccuracy\n        }\n      }\n    }\n  }\n": typeof types.SweepCurvesDocument,
    "\n  query RunTestSets($id: ID!) {\n    run(id: $id) {\n      id\n      datasetId\n      testSetEvaluations {\n        id\n        status\n        error\n        accuracy\n        macroF1\n        weightedF1\n        labels\n        confusionMatrix\n        perClass {\n          label\n          precision\n          recall\n          f1\n          support\n        }\n        dataset {\n          id\n          name\n        }\n      }\n    }\n    datasets {\n      id\n      name\n      imageCount\n      classes {\n        name\n      }\n    }\n  }\n": typeof types.RunTestSetsDocument,
    "\n  mutation EvaluateRun($runId: ID!, $datasetId: ID!) {\n    evaluateRun(runId: $runId, datasetId: $datasetId) {\n      id\n      status\n    }\n  }\n": typeof types.EvaluateRunDocument,
    "\n  query RunGroups($filter: RunFilter) {\n    runGroups(filter: $filter) {\n      truncated\n      runs {\n        id\n        name\n        status\n      }\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n": typeof types.RunGroupsDocument,
    "\n  fragment NoteFields on Note {\n    id\n    text\n    createdAt\n  }\n": typeof types.NoteFieldsFragmentDoc,
    "\n  fragment ParameterImportanceFields on ParameterImportance {\n    parameter\n    importance\n    importanceSd\n    correlation\n    runCount\n    marginal {\n      value\n      numeric\n      mean\n      sd\n      trials\n    }\n  }\n": typeof types.ParameterImportanceFieldsFragmentDoc,
    "\n  fragment RunAnnotations on Run {\n    id\n    name\n    tags\n    notes {\n      ...NoteFields\n    }\n  }\n": typeof types.RunAnnotationsFragmentDoc,
    "\n  mutation RenameRun($input: RenameRunInput!) {\n    renameRun(input: $input) {\n      ...RunAnnotations\n    }\n  }\n": typeof types.RenameRunDocument,
    "\n  mutation AddTag($runId: ID!, $tag: String!) {\n    addTag(runId: $runId, tag: $tag) {\n      ...RunAnnotations\n    }\n  }\n": typeof types.AddTagDocument,
    "\n  mutation RemoveTag($runId: ID!, $tag: String!) {\n    removeTag(runId: $runId, tag: $tag) {\n      ...RunAnnotations\n    }\n  }\n": typeof types.RemoveTagDocument,
    "\n  mutation AddNote($runId: ID!, $text: String!) {\n    addNote(runId: $runId, text: $text) {\n      ...RunAnnotations\n    }\n  }\n": typeof types.AddNoteDocument,
    "\n  mutation EditNote($runId: ID!, $noteId: ID!, $text: String!) {\n    editNote(runId: $runId, noteId: $noteId, text: $text) {\n      ...RunAnnotations\n    }\n  }\n": typeof types.EditNoteDocument,
    "\n  mutation RemoveNote($runId: ID!, $noteId: ID!) {\n    removeNote(runId: $runId, noteId: $noteId) {\n      ...RunAnnotations\n    }\n  }\n": typeof types.RemoveNoteDocument,
    "\n  mutation RequeueRun($runId: ID!) {\n    requeueRun(runId: $runId) {\n      ...RunRow\n    }\n  }\n": typeof types.RequeueRunDocument,
    "\n  mutation DeleteRun($runId: ID!) {\n    deleteRun(runId: $runId)\n  }\n": typeof types.DeleteRunDocument,
    "\n  mutation ExtendSweep($input: ExtendSweepInput!) {\n    extendSweep(input: $input) {\n      id\n      status\n      maxRuns\n      progress {\n        total\n        planned\n      }\n    }\n  }\n": typeof types.ExtendSweepDocument,
    "\n  mutation ResumeSweep($sweepId: ID!) {\n    resumeSweep(sweepId: $sweepId) {\n      id\n      status\n    }\n  }\n": typeof types.ResumeSweepDocument,
    "\n  mutation DeleteSweep($sweepId: ID!) {\n    deleteSweep(sweepId: $sweepId)\n  }\n": typeof types.DeleteSweepDocument,
    "\n  mutation DeleteExperiment($experimentId: ID!) {\n    deleteExperiment(experimentId: $experimentId)\n  }\n": typeof types.DeleteExperimentDocument,
    "\n  mutation DeleteDataset($datasetId: ID!) {\n    deleteDataset(datasetId: $datasetId)\n  }\n": typeof types.DeleteDatasetDocument,
    "\n  query DatasetUsage($datasetId: ID!) {\n    runs(filter: { datasetId: $datasetId }, first: 1) {\n      totalCount\n    }\n    sweeps {\n      id\n      datasetId\n    }\n  }\n": typeof types.DatasetUsageDocument,
};
const documents: Documents = {
    "\n  fragment RunRow on Run {\n    id\n    name\n    status\n    experimentId\n    sweepId\n    backend\n    agentId\n    createdAt\n    startedAt\n    finishedAt\n    durationMs\n    bestValAccuracy\n    bestValLoss\n    bestEpoch\n    finalValAccuracy\n    finalValLoss\n    epochCount\n    plannedEpochs\n    error\n    stopReason\n    tags\n    hyperparameters {\n      values {\n        name\n        value\n      }\n      baseModel\n      headUnits\n      augmentation\n      fineTuneLayers\n      learningRate\n      baseWeights\n      baseWeightsSha256\n    }\n  }\n": types.RunRowFragmentDoc,
    "\n  query HyperparameterCatalog {\n    hyperparameterCatalog {\n      name\n      label\n      description\n      kind\n      phase\n      appliesWhen {\n        parameter\n        rule\n      }\n      crossRules {\n        relation\n        other\n        min\n        appliesWhen {\n          parameter\n          rule\n        }\n        qualifier\n      }\n      sweep\n      searchField\n      searchRequired\n      nullable\n      nullText\n      sortField\n      default\n      min\n      max\n      exclusiveMin\n      exclusiveMax\n      scale\n      values\n      presets {\n        name\n        ops\n      }\n      maxLength\n      rule\n    }\n  }\n": types.HyperparameterCatalogDocument,
    "\n  fragment EpochFields on Epoch {\n    epoch\n    phase\n    loss\n    accuracy\n    valLoss\n    valAccuracy\n    learningRate\n    durationMs\n    imagesPerSec\n    confusionMatrix\n    createdAt\n  }\n": types.EpochFieldsFragmentDoc,
    "\n  query Experiments {\n    experiments {\n      id\n      name\n      description\n      createdAt\n      runCount\n      bestValAccuracy\n    }\n    sweeps {\n      id\n      name\n      status\n      experimentId\n      createdAt\n      progress {\n        total\n        planned\n        queued\n        running\n        completed\n        failed\n        canceled\n        stoppedEarly\n      }\n    }\n  }\n": types.ExperimentsDocument,
    "\n  query Experiment($id: ID!) {\n    experiment(id: $id) {\n      id\n      name\n      description\n      createdAt\n      runCount\n      bestValAccuracy\n    }\n    sweeps(experimentId: $id) {\n      id\n    }\n  }\n": types.ExperimentDocument,
    "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n": types.RunsPageDocument,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunRow\n      attempts\n      engines {\n        features\n        augmentedEpochs\n        fineTuneBottom\n        trainable\n      }\n      notes {\n        ...NoteFields\n      }\n      fineTunedLayers\n      experiment {\n        id\n        name\n      }\n      sweep {\n        id\n        name\n      }\n      dataset {\n        id\n        name\n        path\n      }\n      agent {\n        id\n        name\n        host\n        backend\n        status\n      }\n      checkpoint {\n        weightsSha256\n        bytes\n      }\n      epochs {\n        ...EpochFields\n      }\n      evaluation {\n        labels\n        confusionMatrix\n        accuracy\n        macroF1\n        weightedF1\n        perClass {\n          label\n          precision\n          recall\n          f1\n          support\n        }\n        misclassified {\n          file\n          trueLabel\n          predictedLabel\n          confidence\n        }\n        evaluatedEpoch\n        skippedFiles {\n          file\n          reason\n        }\n      }\n    }\n  }\n": types.RunDocument,
    "\n  query CompareRuns($ids: [ID!]!) {\n    compareRuns(ids: $ids) {\n      runs {\n        ...RunRow\n        testSetEvaluations {\n          status\n          accuracy\n          dataset {\n            id\n            name\n          }\n        }\n        evaluation {\n          labels\n          perClass {\n            label\n            precision\n            recall\n            f1\n            support\n          }\n          accuracy\n          macroF1\n        }\n      }\n      differences {\n        name\n        values\n        differs\n      }\n      curves {\n        runId\n        epochs {\n          ...EpochFields\n        }\n      }\n      labels\n      confusionMatrices {\n        runId\n        matrix\n      }\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n": types.CompareRunsDocument,
    "\n  query Sweep($id: ID!) {\n    sweep(id: $id) {\n      id\n      name\n      status\n      strategy\n      experimentId\n      datasetId\n      maxRuns\n      seed\n      repeats\n      earlyTermination\n      fixed {\n        name\n        value\n      }\n      createdAt\n      experiment {\n        id\n        name\n      }\n      dataset {\n        id\n        name\n      }\n      searchSpace {\n        baseModels\n        headUnits\n        augmentations\n        fineTuneLayers\n        learningRates\n        fineTuneLearningRates\n        dropouts\n        labelSmoothings\n      }\n      progress {\n        total\n        planned\n        queued\n        running\n        completed\n        failed\n        canceled\n        stoppedEarly\n      }\n      bestRun {\n        ...RunRow\n      }\n      importance {\n        ...ParameterImportanceFields\n      }\n      runs {\n        ...RunRow\n      }\n    }\n  }\n": types.SweepDocument,
    "\n  query Agents {\n    agents {\n      id\n      name\n      host\n      backend\n      cores\n      gpu\n      status\n      lastHeartbeatAt\n      createdAt\n      currentRunId\n      currentRun {\n        id\n        name\n        status\n        epochCount\n        plannedEpochs\n      }\n    }\n  }\n": types.AgentsDocument,
    "\n  query LaunchOptions {\n    datasets {\n      id\n      name\n      path\n      imageCount\n      classes {\n        name\n        count\n      }\n    }\n    experiments {\n      id\n      name\n    }\n    baseModels {\n      name\n      inputSize\n      description\n    }\n    augmentationPresets {\n      name\n      ops\n    }\n  }\n": types.LaunchOptionsDocument,
    "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) {\n      id\n      name\n      path\n      imageCount\n      classes {\n        name\n        count\n      }\n    }\n  }\n": types.RegisterDatasetDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateExperimentDocument,
    "\n  mutation CreateSweep($input: CreateSweepInput!) {\n    createSweep(input: $input) {\n      id\n      name\n      experimentId\n      progress {\n        total\n      }\n    }\n  }\n": types.CreateSweepDocument,
    "\n  mutation CancelRun($runId: ID!) {\n    cancelRun(runId: $runId) {\n      id\n      status\n    }\n  }\n": types.CancelRunDocument,
    "\n  mutation CancelSweep($sweepId: ID!) {\n    cancelSweep(sweepId: $sweepId) {\n      id\n      status\n    }\n  }\n": types.CancelSweepDocument,
    "\n  subscription RunUpdated($experimentId: ID, $sweepId: ID) {\n    runUpdated(experimentId: $experimentId, sweepId: $sweepId) {\n      ...RunRow\n    }\n  }\n": types.RunUpdatedDocument,
    "\n  subscription EpochLogged($runId: ID!) {\n    epochLogged(runId: $runId) {\n      ...EpochFields\n    }\n  }\n": types.EpochLoggedDocument,
    "\n  query PairedComparison($a: ID!, $b: ID!) {\n    pairedComparison(a: $a, b: $b) {\n      a\n      b\n      sameValidationSet\n      method\n      imagesA\n      imagesB\n      accuracyA\n      accuracyB\n      accuracyDifference\n      ci95Low\n      ci95High\n      mcnemarPValue\n      onlyARight\n      onlyBRight\n      perClass {\n        label\n        support\n        recallA\n        recallB\n        difference\n      }\n      flips {\n        file\n        trueLabel\n        rightRunId\n        predictedA\n        confidenceA\n        predictedB\n        confidenceB\n      }\n    }\n    run(id: $a) {\n      id\n      datasetId\n      checkpoint {\n        weightsSha256\n      }\n    }\n    runB: run(id: $b) {\n      id\n      checkpoint {\n        weightsSha256\n      }\n    }\n  }\n": types.PairedComparisonDocument,
    "\n  fragment RunGroupFields on RunGroup {\n    key\n    runIds\n    n\n    metrics {\n      name\n      mean\n      std\n      n\n    }\n  }\n": types.RunGroupFieldsFragmentDoc,
    "\n  query SweepGroups($id: ID!) {\n    sweep(id: $id) {\n      id\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n": types.SweepGroupsDocument,
    "\n  query GroupComparison($a: [ID!]!, $b: [ID!]!) {\n    groupComparison(a: $a, b: $b) {\n      images\n      accuracyA\n      accuracyB\n      stdA\n      stdB\n      accuracyDifference\n      ci95Low\n      ci95High\n      bootstrapResamples\n    }\n  }\n": types.GroupComparisonDocument,
    "\n  query SweepCurves($id: ID!) {\n    sweep(id: $id) {\n      id\n      # CURVE_RUNS of components/sweeps/SweepCurves.tsx: the API prices every run's epochs, and 100\n      # runs of 50 epochs stay inside one operation's budget.\n      runs(first: 100) {\n        id\n        epochs {\n          epoch\n          phase\n          loss\n          accuracy\n          valLoss\n          valAccuracy\n        }\n      }\n    }\n  }\n": types.SweepCurvesDocument,
    "\n  query RunTestSets($id: ID!) {\n    run(id: $id) {\n      id\n      datasetId\n      testSetEvaluations {\n        id\n        status\n        error\n        accuracy\n        macroF1\n        weightedF1\n        labels\n        confusionMatrix\n        perClass {\n          label\n          precision\n          recall\n          f1\n          support\n        }\n        dataset {\n          id\n          name\n        }\n      }\n    }\n    datasets {\n      id\n      name\n      imageCount\n      classes {\n        name\n      }\n    }\n  }\n": types.RunTestSetsDocument,
    "\n  mutation EvaluateRun($runId: ID!, $datasetId: ID!) {\n    evaluateRun(runId: $runId, datasetId: $datasetId) {\n      id\n      status\n    }\n  }\n": types.EvaluateRunDocument,
    "\n  query RunGroups($filter: RunFilter) {\n    runGroups(filter: $filter) {\n      truncated\n      runs {\n        id\n        name\n        status\n      }\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n": types.RunGroupsDocument,
    "\n  fragment NoteFields on Note {\n    id\n    text\n    createdAt\n  }\n": types.NoteFieldsFragmentDoc,
    "\n  fragment ParameterImportanceFields on ParameterImportance {\n    parameter\n    importance\n    importanceSd\n    correlation\n    runCount\n    marginal {\n      value\n      numeric\n      mean\n      sd\n      trials\n    }\n  }\n": types.ParameterImportanceFieldsFragmentDoc,
    "\n  fragment RunAnnotations on Run {\n    id\n    name\n    tags\n    notes {\n      ...NoteFields\n    }\n  }\n": types.RunAnnotationsFragmentDoc,
    "\n  mutation RenameRun($input: RenameRunInput!) {\n    renameRun(input: $input) {\n      ...RunAnnotations\n    }\n  }\n": types.RenameRunDocument,
    "\n  mutation AddTag($runId: ID!, $tag: String!) {\n    addTag(runId: $runId, tag: $tag) {\n      ...RunAnnotations\n    }\n  }\n": types.AddTagDocument,
    "\n  mutation RemoveTag($runId: ID!, $tag: String!) {\n    removeTag(runId: $runId, tag: $tag) {\n      ...RunAnnotations\n    }\n  }\n": types.RemoveTagDocument,
    "\n  mutation AddNote($runId: ID!, $text: String!) {\n    addNote(runId: $runId, text: $text) {\n      ...RunAnnotations\n    }\n  }\n": types.AddNoteDocument,
    "\n  mutation EditNote($runId: ID!, $noteId: ID!, $text: String!) {\n    editNote(runId: $runId, noteId: $noteId, text: $text) {\n      ...RunAnnotations\n    }\n  }\n": types.EditNoteDocument,
    "\n  mutation RemoveNote($runId: ID!, $noteId: ID!) {\n    removeNote(runId: $runId, noteId: $noteId) {\n      ...RunAnnotations\n    }\n  }\n": types.RemoveNoteDocument,
    "\n  mutation RequeueRun($runId: ID!) {\n    requeueRun(runId: $runId) {\n      ...RunRow\n    }\n  }\n": types.RequeueRunDocument,
    "\n  mutation DeleteRun($runId: ID!) {\n    deleteRun(runId: $runId)\n  }\n": types.DeleteRunDocument,
    "\n  mutation ExtendSweep($input: ExtendSweepInput!) {\n    extendSweep(input: $input) {\n      id\n      status\n      maxRuns\n      progress {\n        total\n        planned\n      }\n    }\n  }\n": types.ExtendSweepDocument,
    "\n  mutation ResumeSweep($sweepId: ID!) {\n    resumeSweep(sweepId: $sweepId) {\n      id\n      status\n    }\n  }\n": types.ResumeSweepDocument,
    "\n  mutation DeleteSweep($sweepId: ID!) {\n    deleteSweep(sweepId: $sweepId)\n  }\n": types.DeleteSweepDocument,
    "\n  mutation DeleteExperiment($experimentId: ID!) {\n    deleteExperiment(experimentId: $experimentId)\n  }\n": types.DeleteExperimentDocument,
    "\n  mutation DeleteDataset($datasetId: ID!) {\n    deleteDataset(datasetId: $datasetId)\n  }\n": types.DeleteDatasetDocument,
    "\n  query DatasetUsage($datasetId: ID!) {\n    runs(filter: { datasetId: $datasetId }, first: 1) {\n      totalCount\n    }\n    sweeps {\n      id\n      datasetId\n    }\n  }\n": types.DatasetUsageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRow on Run {\n    id\n    name\n    status\n    experimentId\n    sweepId\n    backend\n    agentId\n    createdAt\n    startedAt\n    finishedAt\n    durationMs\n    bestValAccuracy\n    bestValLoss\n    bestEpoch\n    finalValAccuracy\n    finalValLoss\n    epochCount\n    plannedEpochs\n    error\n    stopReason\n    tags\n    hyperparameters {\n      values {\n        name\n        value\n      }\n      baseModel\n      headUnits\n      augmentation\n      fineTuneLayers\n      learningRate\n      baseWeights\n      baseWeightsSha256\n    }\n  }\n"): typeof import('./graphql').RunRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HyperparameterCatalog {\n    hyperparameterCatalog {\n      name\n      label\n      description\n      kind\n      phase\n      appliesWhen {\n        parameter\n        rule\n      }\n      crossRules {\n        relation\n        other\n        min\n        appliesWhen {\n          parameter\n          rule\n        }\n        qualifier\n      }\n      sweep\n      searchField\n      searchRequired\n      nullable\n      nullText\n      sortField\n      default\n      min\n      max\n      exclusiveMin\n      exclusiveMax\n      scale\n      values\n      presets {\n        name\n        ops\n      }\n      maxLength\n      rule\n    }\n  }\n"): typeof import('./graphql').HyperparameterCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EpochFields on Epoch {\n    epoch\n    phase\n    loss\n    accuracy\n    valLoss\n    valAccuracy\n    learningRate\n    durationMs\n    imagesPerSec\n    confusionMatrix\n    createdAt\n  }\n"): typeof import('./graphql').EpochFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments {\n    experiments {\n      id\n      name\n      description\n      createdAt\n      runCount\n      bestValAccuracy\n    }\n    sweeps {\n      id\n      name\n      status\n      experimentId\n      createdAt\n      progress {\n        total\n        planned\n        queued\n        running\n        completed\n        failed\n        canceled\n        stoppedEarly\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiment($id: ID!) {\n    experiment(id: $id) {\n      id\n      name\n      description\n      createdAt\n      runCount\n      bestValAccuracy\n    }\n    sweeps(experimentId: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').ExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunsPage($filter: RunFilter, $orderBy: RunOrder, $first: Int, $after: String) {\n    runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n"): typeof import('./graphql').RunsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunRow\n      attempts\n      engines {\n        features\n        augmentedEpochs\n        fineTuneBottom\n        trainable\n      }\n      notes {\n        ...NoteFields\n      }\n      fineTunedLayers\n      experiment {\n        id\n        name\n      }\n      sweep {\n        id\n        name\n      }\n      dataset {\n        id\n        name\n        path\n      }\n      agent {\n        id\n        name\n        host\n        backend\n        status\n      }\n      checkpoint {\n        weightsSha256\n        bytes\n      }\n      epochs {\n        ...EpochFields\n      }\n      evaluation {\n        labels\n        confusionMatrix\n        accuracy\n        macroF1\n        weightedF1\n        perClass {\n          label\n          precision\n          recall\n          f1\n          support\n        }\n        misclassified {\n          file\n          trueLabel\n          predictedLabel\n          confidence\n        }\n        evaluatedEpoch\n        skippedFiles {\n          file\n          reason\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareRuns($ids: [ID!]!) {\n    compareRuns(ids: $ids) {\n      runs {\n        ...RunRow\n        testSetEvaluations {\n          status\n          accuracy\n          dataset {\n            id\n            name\n          }\n        }\n        evaluation {\n          labels\n          perClass {\n            label\n            precision\n            recall\n            f1\n            support\n          }\n          accuracy\n          macroF1\n        }\n      }\n      differences {\n        name\n        values\n        differs\n      }\n      curves {\n        runId\n        epochs {\n          ...EpochFields\n        }\n      }\n      labels\n      confusionMatrices {\n        runId\n        matrix\n      }\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n"): typeof import('./graphql').CompareRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sweep($id: ID!) {\n    sweep(id: $id) {\n      id\n      name\n      status\n      strategy\n      experimentId\n      datasetId\n      maxRuns\n      seed\n      repeats\n      earlyTermination\n      fixed {\n        name\n        value\n      }\n      createdAt\n      experiment {\n        id\n        name\n      }\n      dataset {\n        id\n        name\n      }\n      searchSpace {\n        baseModels\n        headUnits\n        augmentations\n        fineTuneLayers\n        learningRates\n        fineTuneLearningRates\n        dropouts\n        labelSmoothings\n      }\n      progress {\n        total\n        planned\n        queued\n        running\n        completed\n        failed\n        canceled\n        stoppedEarly\n      }\n      bestRun {\n        ...RunRow\n      }\n      importance {\n        ...ParameterImportanceFields\n      }\n      runs {\n        ...RunRow\n      }\n    }\n  }\n"): typeof import('./graphql').SweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agents {\n    agents {\n      id\n      name\n      host\n      backend\n      cores\n      gpu\n      status\n      lastHeartbeatAt\n      createdAt\n      currentRunId\n      currentRun {\n        id\n        name\n        status\n        epochCount\n        plannedEpochs\n      }\n    }\n  }\n"): typeof import('./graphql').AgentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchOptions {\n    datasets {\n      id\n      name\n      path\n      imageCount\n      classes {\n        name\n        count\n      }\n    }\n    experiments {\n      id\n      name\n    }\n    baseModels {\n      name\n      inputSize\n      description\n    }\n    augmentationPresets {\n      name\n      ops\n    }\n  }\n"): typeof import('./graphql').LaunchOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterDataset($path: String!, $name: String) {\n    registerDataset(path: $path, name: $name) {\n      id\n      name\n      path\n      imageCount\n      classes {\n        name\n        count\n      }\n    }\n  }\n"): typeof import('./graphql').RegisterDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSweep($input: CreateSweepInput!) {\n    createSweep(input: $input) {\n      id\n      name\n      experimentId\n      progress {\n        total\n      }\n    }\n  }\n"): typeof import('./graphql').CreateSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($runId: ID!) {\n    cancelRun(runId: $runId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CancelRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSweep($sweepId: ID!) {\n    cancelSweep(sweepId: $sweepId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CancelSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdated($experimentId: ID, $sweepId: ID) {\n    runUpdated(experimentId: $experimentId, sweepId: $sweepId) {\n      ...RunRow\n    }\n  }\n"): typeof import('./graphql').RunUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EpochLogged($runId: ID!) {\n    epochLogged(runId: $runId) {\n      ...EpochFields\n    }\n  }\n"): typeof import('./graphql').EpochLoggedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PairedComparison($a: ID!, $b: ID!) {\n    pairedComparison(a: $a, b: $b) {\n      a\n      b\n      sameValidationSet\n      method\n      imagesA\n      imagesB\n      accuracyA\n      accuracyB\n      accuracyDifference\n      ci95Low\n      ci95High\n      mcnemarPValue\n      onlyARight\n      onlyBRight\n      perClass {\n        label\n        support\n        recallA\n        recallB\n        difference\n      }\n      flips {\n        file\n        trueLabel\n        rightRunId\n        predictedA\n        confidenceA\n        predictedB\n        confidenceB\n      }\n    }\n    run(id: $a) {\n      id\n      datasetId\n      checkpoint {\n        weightsSha256\n      }\n    }\n    runB: run(id: $b) {\n      id\n      checkpoint {\n        weightsSha256\n      }\n    }\n  }\n"): typeof import('./graphql').PairedComparisonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunGroupFields on RunGroup {\n    key\n    runIds\n    n\n    metrics {\n      name\n      mean\n      std\n      n\n    }\n  }\n"): typeof import('./graphql').RunGroupFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SweepGroups($id: ID!) {\n    sweep(id: $id) {\n      id\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n"): typeof import('./graphql').SweepGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupComparison($a: [ID!]!, $b: [ID!]!) {\n    groupComparison(a: $a, b: $b) {\n      images\n      accuracyA\n      accuracyB\n      stdA\n      stdB\n      accuracyDifference\n      ci95Low\n      ci95High\n      bootstrapResamples\n    }\n  }\n"): typeof import('./graphql').GroupComparisonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SweepCurves($id: ID!) {\n    sweep(id: $id) {\n      id\n      # CURVE_RUNS of components/sweeps/SweepCurves.tsx: the API prices every run's epochs, and 100\n      # runs of 50 epochs stay inside one operation's budget.\n      runs(first: 100) {\n        id\n        epochs {\n          epoch\n          phase\n          loss\n          accuracy\n          valLoss\n          valAccuracy\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SweepCurvesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunTestSets($id: ID!) {\n    run(id: $id) {\n      id\n      datasetId\n      testSetEvaluations {\n        id\n        status\n        error\n        accuracy\n        macroF1\n        weightedF1\n        labels\n        confusionMatrix\n        perClass {\n          label\n          precision\n          recall\n          f1\n          support\n        }\n        dataset {\n          id\n          name\n        }\n      }\n    }\n    datasets {\n      id\n      name\n      imageCount\n      classes {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').RunTestSetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateRun($runId: ID!, $datasetId: ID!) {\n    evaluateRun(runId: $runId, datasetId: $datasetId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').EvaluateRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunGroups($filter: RunFilter) {\n    runGroups(filter: $filter) {\n      truncated\n      runs {\n        id\n        name\n        status\n      }\n      groups {\n        ...RunGroupFields\n      }\n    }\n  }\n"): typeof import('./graphql').RunGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteFields on Note {\n    id\n    text\n    createdAt\n  }\n"): typeof import('./graphql').NoteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ParameterImportanceFields on ParameterImportance {\n    parameter\n    importance\n    importanceSd\n    correlation\n    runCount\n    marginal {\n      value\n      numeric\n      mean\n      sd\n      trials\n    }\n  }\n"): typeof import('./graphql').ParameterImportanceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunAnnotations on Run {\n    id\n    name\n    tags\n    notes {\n      ...NoteFields\n    }\n  }\n"): typeof import('./graphql').RunAnnotationsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameRun($input: RenameRunInput!) {\n    renameRun(input: $input) {\n      ...RunAnnotations\n    }\n  }\n"): typeof import('./graphql').RenameRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTag($runId: ID!, $tag: String!) {\n    addTag(runId: $runId, tag: $tag) {\n      ...RunAnnotations\n    }\n  }\n"): typeof import('./graphql').AddTagDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTag($runId: ID!, $tag: String!) {\n    removeTag(runId: $runId, tag: $tag) {\n      ...RunAnnotations\n    }\n  }\n"): typeof import('./graphql').RemoveTagDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddNote($runId: ID!, $text: String!) {\n    addNote(runId: $runId, text: $text) {\n      ...RunAnnotations\n    }\n  }\n"): typeof import('./graphql').AddNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditNote($runId: ID!, $noteId: ID!, $text: String!) {\n    editNote(runId: $runId, noteId: $noteId, text: $text) {\n      ...RunAnnotations\n    }\n  }\n"): typeof import('./graphql').EditNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveNote($runId: ID!, $noteId: ID!) {\n    removeNote(runId: $runId, noteId: $noteId) {\n      ...RunAnnotations\n    }\n  }\n"): typeof import('./graphql').RemoveNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequeueRun($runId: ID!) {\n    requeueRun(runId: $runId) {\n      ...RunRow\n    }\n  }\n"): typeof import('./graphql').RequeueRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRun($runId: ID!) {\n    deleteRun(runId: $runId)\n  }\n"): typeof import('./graphql').DeleteRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendSweep($input: ExtendSweepInput!) {\n    extendSweep(input: $input) {\n      id\n      status\n      maxRuns\n      progress {\n        total\n        planned\n      }\n    }\n  }\n"): typeof import('./graphql').ExtendSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeSweep($sweepId: ID!) {\n    resumeSweep(sweepId: $sweepId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ResumeSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSweep($sweepId: ID!) {\n    deleteSweep(sweepId: $sweepId)\n  }\n"): typeof import('./graphql').DeleteSweepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExperiment($experimentId: ID!) {\n    deleteExperiment(experimentId: $experimentId)\n  }\n"): typeof import('./graphql').DeleteExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDataset($datasetId: ID!) {\n    deleteDataset(datasetId: $datasetId)\n  }\n"): typeof import('./graphql').DeleteDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetUsage($datasetId: ID!) {\n    runs(filter: { datasetId: $datasetId }, first: 1) {\n      totalCount\n    }\n    sweeps {\n      id\n      datasetId\n    }\n  }\n"): typeof import('./graphql').DatasetUsageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
