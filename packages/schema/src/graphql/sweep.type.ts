import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { EarlyTermination, SweepStatus, SweepStrategy } from "./enums";
import { addSearchOutputFields } from "./hyperparameter.fields";
import { HyperparameterValue, Run } from "./run.type";
import { DateTimeScalar } from "./scalars";

/** The values a sweep draws each searchable hyperparameter from: one list per knob, from the catalogue. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SearchSpace extends Record<string, unknown[]> {}
@ObjectType()
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SearchSpace {}
addSearchOutputFields(SearchSpace.prototype);

/** Run counts of a sweep by status. */
@ObjectType()
export class SweepProgress {
  @Field(() => Int) total!: number;
  @Field(() => Int) queued!: number;
  @Field(() => Int) running!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) canceled!: number;
  @Field(() => Int) stoppedEarly!: number;
}

/** How strongly one numeric hyperparameter tracks best val accuracy across a sweep's runs. */
@ObjectType()
export class ParameterImportance {
  @Field(() => String) parameter!: string;
  @Field(() => Float, { description: "Spearman rank correlation with best val accuracy, in [-1, 1]." }) correlation!: number;
  @Field(() => Float, { description: "Pearson correlation with best val accuracy, in [-1, 1]." }) pearson!: number;
  @Field(() => Int, { description: "Finished runs with a best val accuracy that the figures use." }) runCount!: number;
}

/** A hyperparameter search (relations and aggregates come from field resolvers). */
@ObjectType()
export class Sweep {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => SweepStatus) status!: SweepStatus;
  @Field(() => SweepStrategy) strategy!: SweepStrategy;
  @Field(() => ID) experimentId!: string;
  @Field(() => ID) datasetId!: string;
  @Field(() => SearchSpace) searchSpace!: SearchSpace;
  @Field(() => Int, { nullable: true }) maxRuns!: number | null;
  @Field(() => Int) seed!: number;
  @Field(() => Int, { description: "Training seeds per configuration." }) repeats!: number;
  @Field(() => EarlyTermination) earlyTermination!: EarlyTermination;
  @Field(() => [HyperparameterValue], {
    description:
      "The knobs the sweep fixes for every run (the catalogue's fixed knobs: epochs, batch size, callbacks...), in catalogue order.",
  })
  fixed!: HyperparameterValue[];
  @Field(() => Int, { deprecationReason: "Read `fixed`." }) epochs!: number;
  @Field(() => Int, { deprecationReason: "Read `fixed`." }) fineTuneEpochs!: number;
  @Field(() => Int, { deprecationReason: "Read `fixed`." }) batchSize!: number;
  @Field(() => Float, { deprecationReason: "Read `fixed`." }) validationSplit!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

/** One metric over a group's runs: mean and sample standard deviation of the runs that have it. */
@ObjectType()
export class GroupMetric {
  @Field(() => String, { description: "bestValAccuracy, finalValAccuracy, bestValLoss or durationMs (the Run fields)." }) name!: string;
  @Field(() => Float, { nullable: true, description: "Null when no run of the group has it yet." }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: "Sample standard deviation (n − 1); null below 2 values." }) std!: number | null;
  @Field(() => Int, { description: "Runs that have it." }) n!: number;
}

/** Runs of a sweep that differ only in their training seed. */
@ObjectType()
export class RunGroup {
  @Field(() => String, { description: "The configuration without the seed, as a stable key." }) key!: string;
  @Field(() => [ID], { description: "In the order of the runs given: creation order for a sweep, the ids' order for compareRuns." })
  runIds!: string[];
  @Field(() => Int) n!: number;
  @Field(() => [GroupMetric]) metrics!: GroupMetric[];
}

/** The runs a filter selects, grouped by configuration (the runs table's "seed groups"). */
@ObjectType()
export class RunGroupPage {
  @Field(() => [RunGroup], { description: "Every configuration among the runs read, in the order of its first run." }) groups!: RunGroup[];
  @Field(() => [Run], { description: "The runs read (oldest first), for their names and states." }) runs!: Run[];
  @Field(() => Boolean, { description: "True when the filter selects more runs than `first`: the groups are of the oldest `first` only." })
  truncated!: boolean;
}
