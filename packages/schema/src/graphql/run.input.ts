import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { type WireHyperparameters } from "@graft/core/contract";
import { BASE_WEIGHTS_PATH_MAX_LENGTH, SHA256_HEX } from "../base-weights";
import { addInputFields } from "./hyperparameter.fields";
import { Phase, RunField, RunStatus, SortDirection } from "./enums";
import { RunEnginesInput } from "./run-engines.type";

/** A run's knobs as createRun takes them: any may be omitted or null (the default), but the required ones. */
export type HyperparameterInputValues = { [K in keyof WireHyperparameters]?: WireHyperparameters[K] | null } & Pick<
  WireHyperparameters,
  "baseModel" | "headUnits"
>;

// The knob fields come from the catalogue (addInputFields below); the interface gives them types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface HyperparametersInput extends HyperparameterInputValues {}

/** Hyperparameters of one run; omitted ones take the catalogue's defaults (checked by the API against it). */
@InputType()
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class HyperparametersInput {
  // A path on the creating (agent's) machine: the API never opens it, only records it. Whether
  // both or neither of the pair is given is a cross-field rule checked by the API.
  @Field(() => String, {
    nullable: true,
    description:
      "Absolute path of a Keras .h5 weights file to load onto the base (by layer name); requires baseWeightsSha256. Null or omitted = the base model's own ImageNet weights.",
  })
  @IsOptional()
  @Length(1, BASE_WEIGHTS_PATH_MAX_LENGTH)
  baseWeights?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "sha256 of the baseWeights file, 64 lowercase hex; agents refuse a file that does not match.",
  })
  @IsOptional()
  @Matches(SHA256_HEX, { message: "baseWeightsSha256 must be 64 lowercase hex characters (a sha256)" })
  baseWeightsSha256?: string | null;
}
addInputFields(HyperparametersInput.prototype);

/** Creates one queued run. */
@InputType()
export class CreateRunInput {
  @Field(() => ID) datasetId!: string;
  @Field(() => ID, { nullable: true }) experimentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string | null;
  @Field(() => HyperparametersInput) @ValidateNested() hyperparameters!: HyperparametersInput;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @Length(1, 100, { each: true }) tags?: string[] | null;
}

/** A run's new name. */
@InputType()
export class RenameRunInput {
  @Field(() => ID) runId!: string;
  @Field(() => String, { description: "1 to 200 characters, surrounding spaces trimmed." })
  @Matches(/\S/, { message: "name must not be blank" })
  @Length(1, 200)
  name!: string;
}

/** An inclusive numeric range over one run column (timestamps in ms since the epoch). */
@InputType()
export class RangeFilter {
  @Field(() => RunField) field!: RunField;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
}

/** Narrows the `runs` query; every given condition must hold. */
@InputType()
export class RunFilter {
  @Field(() => [RunStatus], { nullable: true }) status?: RunStatus[] | null;
  @Field(() => ID, { nullable: true }) experimentId?: string | null;
  @Field(() => ID, { nullable: true }) sweepId?: string | null;
  @Field(() => ID, { nullable: true }) datasetId?: string | null;
  @Field(() => [String], { nullable: true }) baseModels?: string[] | null;
  @Field(() => [String], { nullable: true }) augmentations?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Runs carrying every one of these tags." }) tags?: string[] | null;
  @Field(() => String, { nullable: true, description: "Substring of the run's name." }) @IsOptional() @MaxLength(200) search?:
    string | null;
  @Field(() => [RangeFilter], { nullable: true }) @IsOptional() @ValidateNested() ranges?: RangeFilter[] | null;
}

/** Sort order of the `runs` query (ties broken by id in the same direction). */
@InputType()
export class RunOrder {
  @Field(() => RunField) field!: RunField;
  @Field(() => SortDirection) direction!: SortDirection;
}

/**
 * One epoch as the trainer reports it. Checked by {@link epochInputProblem} rather than
 * class-validator decorators: it is the hot path (50+ per logEpochs call) and class-validator's
 * per-object cost dominated the call.
 */
@InputType()
export class EpochInput {
  @Field(() => Int) epoch!: number;
  @Field(() => Phase) phase!: Phase;
  /** Null when the loss was not finite (NaN or Infinity: JSON has no form for them). */
  @Field(() => Float, { nullable: true }) loss?: number | null;
  @Field(() => Float, { nullable: true }) accuracy?: number | null;
  @Field(() => Float, { nullable: true }) valLoss?: number | null;
  @Field(() => Float, { nullable: true }) valAccuracy?: number | null;
  @Field(() => Float) learningRate!: number;
  @Field(() => Float) durationMs!: number;
  @Field(() => Float) imagesPerSec!: number;
  /** This epoch's validation confusion matrix: square, counts ≥ 0. */
  @Field(() => [[Int]], { nullable: true }) confusionMatrix?: number[][] | null;
}

/** The first problem with an epoch (`field`, `value`, `rule`), or null when it is valid. */
export function epochInputProblem(e: EpochInput): { field: string; value: unknown; rule: string } | null {
  if (!(e.epoch >= 1 && e.epoch <= 100_000)) return { field: "epoch", value: e.epoch, rule: "must be in 1..100000" };
  if (e.loss != null && !Number.isFinite(e.loss)) return { field: "loss", value: e.loss, rule: "must be finite or null" };
  if (e.accuracy != null && !(e.accuracy >= 0 && e.accuracy <= 1))
    return { field: "accuracy", value: e.accuracy, rule: "must be in [0, 1]" };
  if (e.valAccuracy != null && !(e.valAccuracy >= 0 && e.valAccuracy <= 1))
    return { field: "valAccuracy", value: e.valAccuracy, rule: "must be in [0, 1]" };
  if (e.valLoss != null && !Number.isFinite(e.valLoss)) return { field: "valLoss", value: e.valLoss, rule: "must be finite or null" };
  if (!(e.learningRate >= 0)) return { field: "learningRate", value: e.learningRate, rule: "must be >= 0" };
  if (!(e.durationMs >= 0)) return { field: "durationMs", value: e.durationMs, rule: "must be >= 0" };
  if (!(e.imagesPerSec >= 0)) return { field: "imagesPerSec", value: e.imagesPerSec, rule: "must be >= 0" };
  const m = e.confusionMatrix;
  if (m != null) {
    if (m.length === 0 || m.length > 1000) return { field: "confusionMatrix", value: m.length, rule: "must have 1..1000 rows" };
    const bad = m.findIndex((row) => row.length !== m.length || row.some((v) => !Number.isInteger(v) || v < 0));
    if (bad >= 0) return { field: "confusionMatrix", value: bad, rule: `row ${bad} must hold ${m.length} counts >= 0 (a square matrix)` };
  }
  return null;
}

/** Per-class metrics of an evaluation. */
@InputType()
export class ClassMetricsInput {
  @Field(() => String) label!: string;
  @Field(() => Float) precision!: number;
  @Field(() => Float) recall!: number;
  @Field(() => Float) f1!: number;
  @Field(() => Int) @Min(0) support!: number;
}

/** A misclassified validation image. */
@InputType()
export class MisclassifiedInput {
  @Field(() => String) file!: string;
  @Field(() => String) trueLabel!: string;
  @Field(() => String) predictedLabel!: string;
  @Field(() => Float) confidence!: number;
}

/** A dataset file the run skipped, and why. */
@InputType()
export class SkippedFileInput {
  @Field(() => String) @Length(1, 4000) file!: string;
  @Field(() => String) @MaxLength(2000) reason!: string;
}

/** Most validation images whose predictions one run stores. */
export const PREDICTIONS_MAX_IMAGES = 100_000;

/**
 * Every validation image's prediction, compactly: files and true classes (indexes into the
 * evaluation's labels) in validation order, and the class probabilities as base64 of float32
 * little-endian values, row-major (one row of `labels.length` per image).
 */
@InputType()
export class PredictionsInput {
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(PREDICTIONS_MAX_IMAGES) @Length(1, 4000, { each: true }) files!: string[];
  @Field(() => [Int]) @ArrayMinSize(1) @ArrayMaxSize(PREDICTIONS_MAX_IMAGES) @Min(0, { each: true }) yTrue!: number[];
  @Field(() => String, { description: "base64 of float32 little-endian probabilities, images × labels, row-major." })
  probabilitiesBase64!: string;
}

/** The end-of-training evaluation. */
@InputType()
export class EvaluationInput {
  @Field(() => [String]) @ArrayMinSize(1) labels!: string[];
  @Field(() => [[Int]]) confusionMatrix!: number[][];
  @Field(() => [ClassMetricsInput]) @ValidateNested() perClass!: ClassMetricsInput[];
  @Field(() => Float) @Min(0) @Max(1) accuracy!: number;
  @Field(() => Float) macroF1!: number;
  @Field(() => Float) weightedF1!: number;
  @Field(() => [MisclassifiedInput]) @ArrayMaxSize(5000) @ValidateNested() misclassified!: MisclassifiedInput[];
  @Field(() => Int, { nullable: true, description: "Epoch whose weights were evaluated (the delivered model)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  evaluatedEpoch?: number | null;
  @Field(() => [SkippedFileInput], { nullable: true, description: "Dataset files the run skipped, with reasons (at most 5000)." })
  @IsOptional()
  @ArrayMaxSize(5000)
  @ValidateNested()
  skippedFiles?: SkippedFileInput[] | null;
  @Field(() => PredictionsInput, { nullable: true, description: "Every validation image's prediction (for paired comparisons)." })
  @IsOptional()
  @ValidateNested()
  predictions?: PredictionsInput | null;
}

/** A file the run produced. */
@InputType()
export class ArtifactInput {
  @Field(() => String) @Length(1, 100) kind!: string;
  @Field(() => String) @Length(1, 4000) uri!: string;
}

/** Finishes a run with its evaluation and artifacts. */
@InputType()
export class CompleteRunInput {
  @Field(() => ID) runId!: string;
  @Field(() => ID, { nullable: true }) agentId?: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "The run's `attempts` as claimRun answered it; an attempt the run was claimed away from since is refused (CONFLICT, reason SUPERSEDED).",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  attempt?: number | null;
  @Field(() => EvaluationInput) @ValidateNested() evaluation!: EvaluationInput;
  @Field(() => [ArtifactInput], { nullable: true }) @IsOptional() @ValidateNested() artifacts?: ArtifactInput[] | null;
  @Field(() => String, { nullable: true }) backend?: string | null;
  @Field(() => RunEnginesInput, { nullable: true, description: "The engine of each part of the run (see RunEngines)." })
  @IsOptional()
  @ValidateNested()
  engines?: RunEnginesInput | null;
  @Field(() => String, {
    nullable: true,
    description: "STOPPED_EARLY ends the run STOPPED_EARLY; other reasons (early_stopping) are kept as notes.",
  })
  stopReason?: string | null;
}
