import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsPositive, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { HYPERPARAMETER_BOUNDS as B, HYPERPARAMETER_DEFAULTS as D } from "../hyperparameters";
import { EarlyTermination, SweepStrategy } from "./enums";
import { CallbackSettingsInput } from "./callbacks.input";

/** Values to search over; each list must be non-empty. */
@InputType()
export class SearchSpaceInput {
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(50) baseModels!: string[];
  @Field(() => [[Int]]) @ArrayMinSize(1) @ArrayMaxSize(50) headUnits!: number[][];
  @Field(() => [String], { defaultValue: ["none"], nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(50) augmentations?: string[] | null;
  @Field(() => [Int], { defaultValue: [0], nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(50) @IsInt({ each: true }) @Min(0, { each: true })
  fineTuneLayers?: number[] | null;
  @Field(() => [Float]) @ArrayMinSize(1) @ArrayMaxSize(50) @IsPositive({ each: true }) @Max(B.learningRate.max, { each: true })
  learningRates!: number[];
  @Field(() => [Float], { defaultValue: [D.fineTuneLearningRate], nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(50) @IsPositive({ each: true }) @Max(B.fineTuneLearningRate.max, { each: true })
  fineTuneLearningRates?: number[] | null;
  @Field(() => [Float], { defaultValue: [D.dropout], nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(50) @Min(B.dropout.min, { each: true }) @Max(B.dropout.max, { each: true })
  dropouts?: number[] | null;
}

/**
 * Creates a sweep and its queued runs, written in slices (one transaction each) so a 10,000-run sweep
 * does not block the API; the sweep row comes with the first slice, so it is never seen without runs.
 */
@InputType()
export class CreateSweepInput extends CallbackSettingsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "A key the client makes once per sweep it means to launch (a UUID). Sent again (a retry after a timeout, a second click) it returns the sweep already created instead of a second one; with a different request it is refused (CONFLICT).",
  })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
  @Field(() => ID) experimentId!: string;
  @Field(() => ID) datasetId!: string;
  @Field(() => SearchSpaceInput) @ValidateNested() searchSpace!: SearchSpaceInput;
  @Field(() => SweepStrategy, { defaultValue: SweepStrategy.GRID, nullable: false }) strategy!: SweepStrategy;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(10000) maxRuns?: number | null;
  @Field(() => Int, { defaultValue: 0, nullable: true }) @IsOptional() seed?: number | null;
  @Field(() => EarlyTermination, { defaultValue: EarlyTermination.NONE, nullable: false }) earlyTermination!: EarlyTermination;
  @Field(() => Int, { defaultValue: D.epochs, nullable: false }) @Min(B.epochs.min) @Max(B.epochs.max) epochs!: number;
  @Field(() => Int, { defaultValue: D.fineTuneEpochs, nullable: false }) @Min(B.fineTuneEpochs.min) @Max(B.fineTuneEpochs.max) fineTuneEpochs!: number;
  @Field(() => Int, { defaultValue: D.batchSize, nullable: false }) @Min(B.batchSize.min) @Max(B.batchSize.max) batchSize!: number;
  @Field(() => Float, { defaultValue: D.validationSplit, nullable: true }) @IsOptional() @IsPositive() @Max(B.validationSplit.max) validationSplit?: number | null;
}
