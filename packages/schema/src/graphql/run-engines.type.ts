import { Field, InputType, ObjectType } from "type-graphql";

/**
 * What each part of a run computed on: a TF.js backend (tensorflow, wasm, cpu) or an ONNX Runtime
 * provider (onnxruntime-cpu, onnxruntime-cuda); "cache" where the outputs were read from the
 * feature cache. The list lives in `@graft/core/contract` (COMPUTE_ENGINES, RUN_ENGINE_PARTS).
 */
@ObjectType({ description: "The engine each part of a run computed on, as its agent reported it on completion." })
export class RunEngines {
  @Field(() => String, { description: "The frozen base's pooled features: the engine that computed the cache misses, or cache." })
  features!: string;
  @Field(() => String, { nullable: true, description: "The frozen base on every augmented batch; null without augmentation." })
  augmentedEpochs!: string | null;
  @Field(() => String, { nullable: true, description: "The frozen bottom of fine-tuning (an engine or cache); null without fine-tuning." })
  fineTuneBottom!: string | null;
  @Field(() => String, { description: "The head and the fine-tuned top: the TF.js backend." })
  trainable!: string;
}

/** {@link RunEngines} as completeRun receives it; the API checks every value against the contract. */
@InputType()
export class RunEnginesInput {
  @Field(() => String) features!: string;
  @Field(() => String, { nullable: true }) augmentedEpochs?: string | null;
  @Field(() => String, { nullable: true }) fineTuneBottom?: string | null;
  @Field(() => String) trainable!: string;
}
