import { IsOptional, IsPositive, Max, Min } from "class-validator";
import { Field, Float, InputType, Int } from "type-graphql";
import { HYPERPARAMETER_BOUNDS as B, HYPERPARAMETER_DEFAULTS as D } from "../hyperparameters";
import { LessThan } from "./validators";

/**
 * The Keras callback settings a run trains with (both phases, all on val_loss), shared by
 * `HyperparametersInput` (one run) and `CreateSweepInput` (fixed for every run of a sweep), so
 * their fields, defaults and bounds are declared once. Never used as an argument itself, so the
 * schema does not list it (type-graphql emits only the types its resolvers reach).
 */
@InputType()
export abstract class CallbackSettingsInput {
  @Field(() => Int, { nullable: true, description: "EarlyStopping patience: epochs without a better val loss before a phase stops (best weights restored); null or omitted = off." })
  @IsOptional() @Min(B.earlyStoppingPatience.min) @Max(B.earlyStoppingPatience.max)
  earlyStoppingPatience?: number | null;

  @Field(() => Int, { nullable: true, description: "ReduceLROnPlateau patience on val_loss, in both phases; null or omitted = off." })
  @IsOptional() @Min(B.reduceLrPatience.min) @Max(B.reduceLrPatience.max)
  reduceLrPatience?: number | null;

  @Field(() => Float, { defaultValue: D.reduceLrFactor, nullable: true, description: "ReduceLROnPlateau factor, in (0, 1)." })
  @IsOptional() @IsPositive() @LessThan(B.reduceLrFactor.max)
  reduceLrFactor?: number | null;

  @Field(() => Float, {
    defaultValue: D.minLearningRate,
    nullable: true,
    description:
      "ReduceLROnPlateau floor (Keras' min_lr), >= 0: below the learning rate, and below the fine-tuning rate when layers are fine-tuned (for a sweep: below every searched rate).",
  })
  @IsOptional() @Min(B.minLearningRate.min) @LessThan(B.minLearningRate.max)
  minLearningRate?: number | null;
}
