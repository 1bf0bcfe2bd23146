import { ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Dataset } from "./dataset.type";
import { ClassMetrics, Misclassified } from "./evaluation.type";
import { EvaluationInput } from "./run.input";
import { DateTimeScalar } from "./scalars";

/** Where an evaluation on another dataset stands. */
export enum TestSetEvaluationStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  FAILED = "FAILED",
}
registerEnumType(TestSetEvaluationStatus, { name: "TestSetEvaluationStatus" });

/** A finished run's model scored on another registered dataset: the same report as its validation, once COMPLETED. */
@ObjectType()
export class TestSetEvaluation {
  @Field(() => ID) id!: string;
  @Field(() => ID) runId!: string;
  @Field(() => Dataset, { nullable: true, description: "The dataset evaluated on; null if it was deleted since." })
  dataset!: Dataset | null;
  @Field(() => ID) datasetId!: string;
  @Field(() => TestSetEvaluationStatus) status!: TestSetEvaluationStatus;
  @Field(() => Int, { description: "Claims by agents so far." }) attempts!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => [String], { nullable: true, description: "The model's labels: the matrix's order, as in the run's validation." })
  labels!: string[] | null;
  @Field(() => [[Int]], { nullable: true }) confusionMatrix!: number[][] | null;
  @Field(() => [ClassMetrics], { nullable: true }) perClass!: ClassMetrics[] | null;
  @Field(() => [Misclassified], { nullable: true }) misclassified!: Misclassified[] | null;
  @Field(() => Float, { nullable: true }) accuracy!: number | null;
  @Field(() => Float, { nullable: true }) macroF1!: number | null;
  @Field(() => Float, { nullable: true }) weightedF1!: number | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) completedAt!: Date | null;
}

/** What an agent is handed: the run whose checkpoint to load and the dataset to score it on. */
@ObjectType()
export class TestSetJob {
  @Field(() => ID) id!: string;
  @Field(() => ID) runId!: string;
  @Field(() => ID) datasetId!: string;
  @Field(() => String, { description: "The dataset's folder, as registered." }) datasetPath!: string;
  @Field(() => Int, { description: "This claim's number: send it back with the outcome." }) attempt!: number;
}

/** An agent's report of a finished evaluation on another dataset. */
@InputType()
export class CompleteTestSetInput {
  @Field(() => ID) id!: string;
  @Field(() => ID) agentId!: string;
  @Field(() => Int) attempt!: number;
  @Field(() => EvaluationInput) @ValidateNested() evaluation!: EvaluationInput;
}
