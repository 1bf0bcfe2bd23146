import { IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";

/** Creates an experiment. */
@InputType()
export class CreateExperimentInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
}

/** Registers (or updates, by name) an agent. */
@InputType()
export class RegisterAgentInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String) @Length(1, 255) host!: string;
  @Field(() => String) @Length(1, 100) backend!: string;
  @Field(() => Int) @Min(1) @Max(4096) cores!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) gpu?: string | null;
}

/** An agent's periodic sign of life, optionally about the run it works on. */
@InputType()
export class HeartbeatInput {
  @Field(() => ID) agentId!: string;
  @Field(() => ID, { nullable: true }) runId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) backend?: string | null;
}
