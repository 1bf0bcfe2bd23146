import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "./scalars";

/** One file of a stored checkpoint. */
@ObjectType()
export class CheckpointFileInfo {
  @Field(() => String, { description: "model.json, weights.bin, labels.json or preprocessing.json." }) name!: string;
  @Field(() => Float) bytes!: number;
  @Field(() => String, { description: "sha256 of the file, 64 lowercase hex." }) sha256!: string;
}

/** The delivered model of a run as its agent uploaded it: a TF.js LayersModel with its labels and preprocessing. */
@ObjectType()
export class Checkpoint {
  @Field(() => String, { description: "sha256 of weights.bin: the model's identity." }) weightsSha256!: string;
  @Field(() => String, {
    nullable: true,
    description: "sha256 of the training dataset's images (path and content) as the agent read them; null when not sent.",
  })
  datasetSha256!: string | null;
  @Field(() => Float, { description: "Bytes of all its files." }) bytes!: number;
  @Field(() => [CheckpointFileInfo]) files!: CheckpointFileInfo[];
  @Field(() => Int, { description: "The run's attempt that uploaded it." }) attempt!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => String, {
    description: "Path on the API of the model as a zip (model.json, weights.bin, labels.json, preprocessing.json, README.md, card.md).",
  })
  downloadPath!: string;
}
