import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "./scalars";

/** One class folder of a dataset. */
@ObjectType()
export class DatasetClass {
  @Field(() => String) name!: string;
  @Field(() => Int) count!: number;
}

/** A registered class-folder dataset. */
@ObjectType()
export class Dataset {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) path!: string;
  @Field(() => [DatasetClass]) classes!: DatasetClass[];
  @Field(() => Int) imageCount!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
