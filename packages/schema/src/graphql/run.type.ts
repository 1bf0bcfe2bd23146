import { type WireHyperparameters } from "@graft/core/contract";
import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { addValueFields } from "./hyperparameter.fields";
import { RunStatus } from "./enums";
import { DateTimeScalar } from "./scalars";
import { RunEngines } from "./run-engines.type";

/** One knob of a run by name, for clients that read the catalogue rather than name each field. */
@ObjectType({ description: "One hyperparameter of a run: its catalogue name and its value as the typed field carries it." })
export class HyperparameterValue {
  @Field(() => String) name!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: "The value (number, string or list); null when the knob is off." })
  value!: unknown;
}

// The typed fields come from the catalogue (addValueFields below); the interface gives them types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Hyperparameters extends WireHyperparameters {}

/** The full hyperparameter set of a run: one field per catalogue knob, plus the weights it started from. */
@ObjectType()
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Hyperparameters {
  @Field(() => [HyperparameterValue], {
    description: "Every catalogue knob of the run, in catalogue order (what the dashboard and the agent read).",
  })
  values!: HyperparameterValue[];
  @Field(() => String, {
    nullable: true,
    description:
      "Absolute path of the Keras .h5 weights file the base started from, as the machine that created the run saw it; null = the base model's own ImageNet weights.",
  })
  baseWeights!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "sha256 of the baseWeights file (64 lowercase hex); null exactly when baseWeights is.",
  })
  baseWeightsSha256!: string | null;
}
addValueFields(Hyperparameters.prototype);

/**
 * A training run's own columns. Relations (experiment, sweep, dataset, agent, epochs, evaluation,
 * artifacts, tags, notes) are field resolvers in apps/api so they load only when asked for.
 */
@ObjectType()
export class Run {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => RunStatus) status!: RunStatus;
  @Field(() => ID, { nullable: true }) experimentId!: string | null;
  @Field(() => ID, { nullable: true }) sweepId!: string | null;
  @Field(() => ID) datasetId!: string;
  @Field(() => Hyperparameters) hyperparameters!: Hyperparameters;
  @Field(() => String, { nullable: true }) backend!: string | null;
  @Field(() => RunEngines, {
    nullable: true,
    description: "The engine of each part of the run; null until it completes (and for runs of older agents).",
  })
  engines!: RunEngines | null;
  @Field(() => ID, { nullable: true }) agentId!: string | null;
  @Field(() => Int) attempts!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the current agent's lease runs out (RUNNING runs)." })
  leaseExpiresAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) startedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Float, { nullable: true }) durationMs!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true }) stopReason!: string | null;
  @Field(() => Float, { nullable: true, description: "Validation accuracy AT bestEpoch (not the run's highest); null with bestEpoch." })
  bestValAccuracy!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Validation loss AT bestEpoch, the lowest finite val_loss of the run's current attempt; null with bestEpoch.",
  })
  bestValLoss!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "The run's best epoch: the one with the lowest finite val_loss, the earlier epoch on a tie (epochs without a finite val_loss never count). Its weights are the delivered model (best/), and `graft train` reports the same epoch. Null while no epoch has a finite val_loss.",
  })
  bestEpoch!: number | null;
  @Field(() => Float, { nullable: true }) finalValAccuracy!: number | null;
  @Field(() => Float, { nullable: true }) finalValLoss!: number | null;
  @Field(() => Int) epochCount!: number;
  @Field(() => Int, {
    description: "Epochs the run trains when nothing stops it early: epochs, plus fineTuneEpochs only when fineTuneLayers > 0.",
  })
  plannedEpochs!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "Base layers fine-tuning really unfreezes: hyperparameters.fineTuneLayers rounded up to the base's next block boundary (a conv+BN+activation group or residual block is never split); 0 without fine-tuning, null when the registry does not know the base's structure (a model.json path, efficientnet_b0).",
  })
  fineTunedLayers!: number | null;
}

/** Relay-style page info. */
@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** A run with the cursor that points just after it. */
@ObjectType()
export class RunEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Run) node!: Run;
}

/** One page of runs. */
@ObjectType()
export class RunConnection {
  @Field(() => [RunEdge]) edges!: RunEdge[];
  @Field(() => [Run]) nodes!: Run[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

/** What an agent hears back at each heartbeat / epoch batch. */
@ObjectType({ description: "What an agent hears back at each heartbeat / epoch batch." })
export class RunControl {
  @Field(() => Boolean) shouldStop!: boolean;
  @Field(() => String, { nullable: true, description: "CANCELED, STOPPED_EARLY or LEASE_LOST (the run is no longer this agent's)." })
  reason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) leaseExpiresAt!: Date | null;
}

/** The result of one logEpochs batch. */
@ObjectType()
export class LogEpochsResult {
  @Field(() => Int) inserted!: number;
  @Field(() => RunControl) control!: RunControl;
}
