import { Field, ID, Int, ObjectType } from "type-graphql";
import { Epoch } from "./epoch.type";
import { Run } from "./run.type";
import { RunGroup } from "./sweep.type";

/** One hyperparameter across the compared runs. */
@ObjectType()
export class HyperparameterDifference {
  @Field(() => String) name!: string;
  @Field(() => [String], { nullable: "items" }) values!: (string | null)[];
  @Field(() => Boolean) differs!: boolean;
}

/** The epochs of one compared run. */
@ObjectType()
export class RunCurve {
  @Field(() => ID) runId!: string;
  @Field(() => [Epoch]) epochs!: Epoch[];
}

/** A run's confusion matrix re-indexed on the comparison's label order; null without evaluation. */
@ObjectType()
export class AlignedConfusionMatrix {
  @Field(() => ID) runId!: string;
  @Field(() => [[Int]], { nullable: true }) matrix!: number[][] | null;
}

/** Side-by-side view of 2..20 runs. */
@ObjectType()
export class RunComparison {
  @Field(() => [Run]) runs!: Run[];
  @Field(() => [HyperparameterDifference]) differences!: HyperparameterDifference[];
  @Field(() => [RunCurve]) curves!: RunCurve[];
  @Field(() => [String], { description: "The union of the runs' labels, the one order every aligned matrix uses." }) labels!: string[];
  @Field(() => [AlignedConfusionMatrix]) confusionMatrices!: AlignedConfusionMatrix[];
  @Field(() => [RunGroup], {
    description: "The compared runs grouped by configuration (runs differing only in their training seed), with mean ± std.",
  })
  groups!: RunGroup[];
}
