import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { RunStatus } from "./enums";
import { DateTimeScalar } from "./scalars";

/** The full hyperparameter set of a run. */
@ObjectType()
export class Hyperparameters {
  @Field(() => String) baseModel!: string;
  @Field(() => Int) inputSize!: number;
  @Field(() => [Int], { description: "Dense units of the head in order, e.g. [256, 128]." }) headUnits!: number[];
  @Field(() => Float) dropout!: number;
  @Field(() => String, { description: "Canonical comma-joined op list (flip,rotate,...) or 'none'." }) augmentation!: string;
  @Field(() => String) optimizer!: string;
  @Field(() => Float) learningRate!: number;
  @Field(() => Int) epochs!: number;
  @Field(() => Int) fineTuneLayers!: number;
  @Field(() => Int) fineTuneEpochs!: number;
  @Field(() => Float) fineTuneLearningRate!: number;
  @Field(() => Int) batchSize!: number;
  @Field(() => Int) seed!: number;
  @Field(() => Float) validationSplit!: number;
  @Field(() => Int, { nullable: true }) earlyStoppingPatience!: number | null;
  @Field(() => Int, { nullable: true, description: "ReduceLROnPlateau patience on val_loss, in both phases; null when the callback is off." })
  reduceLrPatience!: number | null;
  @Field(() => Float, { description: "ReduceLROnPlateau factor: each plateau multiplies the learning rate by it." }) reduceLrFactor!: number;
  @Field(() => Float, { description: "ReduceLROnPlateau floor (Keras' min_lr): the learning rate is never reduced below it." })
  minLearningRate!: number;
  @Field(() => String, {
    nullable: true,
    description: "Absolute path of the Keras .h5 weights file the base started from, as the machine that created the run saw it; null = the base model's own ImageNet weights.",
  })
  baseWeights!: string | null;
  @Field(() => String, { nullable: true, description: "sha256 of the baseWeights file (64 lowercase hex); null exactly when baseWeights is." })
  baseWeightsSha256!: string | null;
}

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
  @Field(() => Float, { nullable: true }) bestValAccuracy!: number | null;
  @Field(() => Int, { nullable: true }) bestEpoch!: number | null;
  @Field(() => Float, { nullable: true }) finalValAccuracy!: number | null;
  @Field(() => Float, { nullable: true }) finalValLoss!: number | null;
  @Field(() => Int) epochCount!: number;
  @Field(() => Int, { description: "Epochs the run trains when nothing stops it early: epochs, plus fineTuneEpochs only when fineTuneLayers > 0." })
  plannedEpochs!: number;
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
