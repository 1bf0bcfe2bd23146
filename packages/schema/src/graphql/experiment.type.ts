import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "./scalars";

/** A named group of runs and sweeps (runCount/bestValAccuracy come from field resolvers). */
@ObjectType()
export class Experiment {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
