/**
 * The names the rest of the trainer uses for the contract's shapes. Every one is derived from the
 * types codegen generates from apps/api/schema.graphql (src/graphql/gql/), none is written by hand:
 * a change of the contract or of a selection in operations.ts shows up here as a type error instead
 * of drifting silently. This file only keeps the imports of the other modules short and stable.
 */
import type { ClaimedRunFragment, Phase, RunControlFieldsFragment, RunStatus as GqlRunStatus } from "./gql/graphql";

export type { CompleteRunInput, EpochInput, EvaluationInput, HyperparametersInput, RegisterAgentInput } from "./gql/graphql";

/** `RunStatus` of the contract. */
export type RunStatus = GqlRunStatus;

/** `Phase` of the contract (upper case, where core uses `head` / `fine_tune`). */
export type GqlPhase = Phase;

/** The fields of a `Run` an agent needs to train it: the `ClaimedRun` fragment `claimRun` answers with. */
export type ClaimedRun = ClaimedRunFragment;

/** A claimed run's `Hyperparameters`, as selected by the `ClaimedRun` fragment. */
export type Hyperparameters = ClaimedRun["hyperparameters"];

/** `RunControl`: what the API answers at each heartbeat and epoch batch (the `RunControlFields` fragment). */
export type RunControl = RunControlFieldsFragment;
