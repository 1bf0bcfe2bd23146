import { Field, Float, Int, ObjectType } from "type-graphql";
import { Phase } from "./enums";
import { DateTimeScalar } from "./scalars";

/** One logged epoch of a run. */
@ObjectType()
export class Epoch {
  /** Not in the draft contract: lets a subscriber of several runs tell epochs apart. */
  @Field(() => String) runId!: string;
  @Field(() => Int) epoch!: number;
  @Field(() => Int, {
    description: "The run's attempt (claim) that logged it: a run shows one attempt's epochs, the one that holds or finished it.",
  })
  attempt!: number;
  @Field(() => Phase) phase!: Phase;
  @Field(() => Float, {
    nullable: true,
    description: "Mean training loss; null when it was not finite (a diverged run: NaN or Infinity have no JSON form).",
  })
  loss!: number | null;
  @Field(() => Float, { nullable: true, description: "Training accuracy; null when it was not finite." })
  accuracy!: number | null;
  @Field(() => Float, { nullable: true }) valLoss!: number | null;
  @Field(() => Float, { nullable: true }) valAccuracy!: number | null;
  @Field(() => Float) learningRate!: number;
  @Field(() => Float) durationMs!: number;
  @Field(() => Float) imagesPerSec!: number;
  @Field(() => [[Int]], {
    nullable: true,
    description:
      "This epoch's validation confusion matrix (rows true, columns predicted, in the run's evaluation label order); null when not reported.",
  })
  confusionMatrix!: number[][] | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
