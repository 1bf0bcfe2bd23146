import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "./scalars";

/** One class folder of a dataset. */
@ObjectType()
export class DatasetClass {
  @Field(() => String) name!: string;
  @Field(() => Int) count!: number;
}

/** A file of a class folder that training does not use, and why. */
@ObjectType()
export class SkippedFile {
  @Field(() => String, { description: "Path relative to the dataset root." }) file!: string;
  @Field(() => String, { description: "Why it is not used: not an image extension core reads, an empty file, or the decoder's error." })
  reason!: string;
}

/** A registered class-folder dataset. */
@ObjectType()
export class Dataset {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) path!: string;
  @Field(() => [DatasetClass]) classes!: DatasetClass[];
  @Field(() => Int, { description: "Images training can use: the same rule as the engine's (image extension and decodable)." })
  imageCount!: number;
  @Field(() => [SkippedFile], { description: "Files of the class folders that training skips, as of the last registration." })
  skippedFiles!: SkippedFile[];
  @Field(() => DateTimeScalar) createdAt!: Date;
}
