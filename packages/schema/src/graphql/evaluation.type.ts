import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { SkippedFile } from "./dataset.type";
import { DateTimeScalar } from "./scalars";

/** Precision/recall/F1 of one class. */
@ObjectType()
export class ClassMetrics {
  @Field(() => String) label!: string;
  @Field(() => Float) precision!: number;
  @Field(() => Float) recall!: number;
  @Field(() => Float) f1!: number;
  @Field(() => Int) support!: number;
}

/** A validation image the model got wrong; `file` is relative to the dataset root. */
@ObjectType()
export class Misclassified {
  @Field(() => String) file!: string;
  @Field(() => String) trueLabel!: string;
  @Field(() => String) predictedLabel!: string;
  @Field(() => Float) confidence!: number;
}

/** The end-of-training evaluation of a run. */
@ObjectType()
export class Evaluation {
  @Field(() => [String]) labels!: string[];
  @Field(() => [[Int]]) confusionMatrix!: number[][];
  @Field(() => [ClassMetrics]) perClass!: ClassMetrics[];
  @Field(() => Float) accuracy!: number;
  @Field(() => Float) macroF1!: number;
  @Field(() => Float) weightedF1!: number;
  @Field(() => [Misclassified]) misclassified!: Misclassified[];
  @Field(() => Int, {
    nullable: true,
    description:
      "Epoch whose weights were evaluated (the delivered model), on the validation split; null when the agent did not report it.",
  })
  evaluatedEpoch!: number | null;
  @Field(() => [SkippedFile], { description: "Dataset files the run skipped (neither trained on nor evaluated), with reasons." })
  skippedFiles!: SkippedFile[];
}

/** A file a run produced, by location. */
@ObjectType()
export class Artifact {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) uri!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

/** A user's remark on a run. */
@ObjectType()
export class Note {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
