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
  @Field(() => Int, {
    description:
      "Runs the sweep will hold when done: its runs so far, or for TPE (which samples as agents ask) at least its budget of configurations × repeats.",
  })
  planned!: number;
}

/** Best val accuracy with a parameter fixed to one of its values, the others averaged over the sweep's space (fANOVA's marginal). */
@ObjectType()
export class MarginalEffect {
  @Field(() => String, { description: "The value as the sweep lists it (wire form; a head as `[64,32]`)." }) value!: string;
  @Field(() => Float, { nullable: true, description: "The value on its axis for numeric knobs (log10 is the chart's business)." })
  numeric!: number | null;
  @Field(() => Float, { description: "The forest's mean best val accuracy at this value." }) mean!: number;
  @Field(() => Float, { description: "Spread of that mean across the forest's trees (sd)." }) sd!: number;
  @Field(() => Int, { description: "Runs that had this value (0: the forest extrapolates)." }) trials!: number;
}

/**
 * How much one hyperparameter matters to best val accuracy across a sweep's finished runs:
 * fANOVA's share of variance (a random forest over every searched knob, numeric and categorical,
 * its main effects over the sweep's space), its marginal effect per value, and for numeric knobs
 * the rank correlation.
 */
@ObjectType()
export class ParameterImportance {
  @Field(() => String) parameter!: string;
  @Field(() => Float, {
    description: "fANOVA: share of the variance of predicted best val accuracy over the space that this knob alone explains, in [0, 1].",
  })
  importance!: number;
  @Field(() => Float, { description: "Spread of that share across the forest's trees (sd)." }) importanceSd!: number;
  @Field(() => [MarginalEffect], { description: "Best val accuracy by value, in the list's order." }) marginal!: MarginalEffect[];
  @Field(() => Float, {
    nullable: true,
    description: "Spearman rank correlation with best val accuracy, in [-1, 1]; null for a categorical knob.",
  })
  correlation!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Pearson correlation with best val accuracy, in [-1, 1]; null for a categorical knob.",
  })
  pearson!: number | null;
  @Field(() => Int, { description: "Finished runs (COMPLETED or STOPPED_EARLY) with a best val accuracy that the figures use." })
  runCount!: number;
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
