import { Field, Float, ID, Int, ObjectType } from "type-graphql";

/** One validation image as a run's delivered model saw it. */
@ObjectType()
export class Prediction {
  @Field(() => Int, { description: "Position in the run's validation order." }) index!: number;
  @Field(() => String) file!: string;
  @Field(() => String) trueLabel!: string;
  @Field(() => String, { description: "The argmax of the probabilities (ties to the first label)." }) predictedLabel!: string;
  @Field(() => Float, { description: "The probability of the predicted label." }) confidence!: number;
  @Field(() => [Float], { description: "One per label, in the evaluation's label order." }) probabilities!: number[];
}

/** A page of a run's predictions. */
@ObjectType()
export class PredictionPage {
  @Field(() => [String], { description: "The label order of every probability row." }) labels!: string[];
  @Field(() => [Prediction]) nodes!: Prediction[];
  @Field(() => Int) totalCount!: number;
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last." }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

/** One class's recall in both runs of a paired comparison. */
@ObjectType()
export class ClassRecallDifference {
  @Field(() => String) label!: string;
  @Field(() => Int, { description: "Validation images of this class." }) support!: number;
  @Field(() => Int) correctA!: number;
  @Field(() => Int) correctB!: number;
  @Field(() => Float, { nullable: true, description: "Null when the class has no images." }) recallA!: number | null;
  @Field(() => Float, { nullable: true }) recallB!: number | null;
  @Field(() => Float, { nullable: true, description: "recallB − recallA." }) difference!: number | null;
}

/** An image one run got right and the other wrong. */
@ObjectType()
export class PredictionFlip {
  @Field(() => String) file!: string;
  @Field(() => String) trueLabel!: string;
  @Field(() => ID, { description: "The run that got it right." }) rightRunId!: string;
  @Field(() => String) predictedA!: string;
  @Field(() => Float) confidenceA!: number;
  @Field(() => String) predictedB!: string;
  @Field(() => Float) confidenceB!: number;
}

/** Is B really better than A? Two runs' predictions compared image by image. */
@ObjectType()
export class PairedComparison {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
  @Field(() => Boolean, { description: "Whether both runs were evaluated on the same images with the same labels." })
  sameValidationSet!: boolean;
  @Field(() => String, {
    description: "paired (same images: paired bootstrap and McNemar) or unpaired (different images: each resampled on its own).",
  })
  method!: string;
  @Field(() => Int) imagesA!: number;
  @Field(() => Int) imagesB!: number;
  @Field(() => Float) accuracyA!: number;
  @Field(() => Float) accuracyB!: number;
  @Field(() => Float, { description: "accuracyB − accuracyA." }) accuracyDifference!: number;
  @Field(() => Float, { description: "Bootstrap 95% interval of the difference (percentile), seeded." }) ci95Low!: number;
  @Field(() => Float) ci95High!: number;
  @Field(() => Int) bootstrapSeed!: number;
  @Field(() => Int) bootstrapResamples!: number;
  @Field(() => Int, { nullable: true, description: "Images only A got right (paired only)." }) onlyARight!: number | null;
  @Field(() => Int, { nullable: true, description: "Images only B got right (paired only)." }) onlyBRight!: number | null;
  @Field(() => Float, { nullable: true, description: "Exact McNemar test on the discordant images, two-sided; null when unpaired." })
  mcnemarPValue!: number | null;
  @Field(() => [ClassRecallDifference], { description: "Per class (paired only; empty when unpaired)." })
  perClass!: ClassRecallDifference[];
  @Field(() => [PredictionFlip], { description: "Images right in one run and wrong in the other (paired only), both ways." })
  flips!: PredictionFlip[];
}

/** Is configuration B better than configuration A, over their training seeds? Two groups of runs on one validation set. */
@ObjectType()
export class GroupComparison {
  @Field(() => [ID]) a!: string[];
  @Field(() => [ID]) b!: string[];
  @Field(() => Int, { description: "Validation images, the same for every run." }) images!: number;
  @Field(() => Float, { description: "Mean accuracy of group A's runs." }) accuracyA!: number;
  @Field(() => Float) accuracyB!: number;
  @Field(() => Float, { nullable: true, description: "Sample standard deviation over A's runs; null for one run." }) stdA!: number | null;
  @Field(() => Float, { nullable: true }) stdB!: number | null;
  @Field(() => Float, { description: "accuracyB − accuracyA." }) accuracyDifference!: number;
  @Field(() => Float, { description: "Two-level bootstrap 95% interval (runs and images resampled), seeded." }) ci95Low!: number;
  @Field(() => Float) ci95High!: number;
  @Field(() => Int) bootstrapSeed!: number;
  @Field(() => Int) bootstrapResamples!: number;
}
