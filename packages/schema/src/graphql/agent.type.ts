import { Field, ID, Int, ObjectType } from "type-graphql";
import { AgentStatus } from "./enums";
import { DateTimeScalar } from "./scalars";

/** A trainer process that claims runs. */
@ObjectType()
export class Agent {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) host!: string;
  @Field(() => String) backend!: string;
  @Field(() => Int) cores!: number;
  @Field(() => String, { nullable: true }) gpu!: string | null;
  @Field(() => AgentStatus) status!: AgentStatus;
  @Field(() => DateTimeScalar) lastHeartbeatAt!: Date;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => ID, { nullable: true }) currentRunId!: string | null;
}
