import { Field, Int, ObjectType } from "type-graphql";

/** A base model the trainer can load by name. */
@ObjectType()
export class BaseModelInfo {
  @Field(() => String) name!: string;
  @Field(() => Int) inputSize!: number;
  @Field(() => String) description!: string;
}

/** A named augmentation preset and its canonical op list. */
@ObjectType()
export class AugmentationPreset {
  @Field(() => String) name!: string;
  @Field(() => String) ops!: string;
}
