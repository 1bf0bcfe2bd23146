import { type WireHyperparameters } from "@graft/core/contract";
import { IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { EarlyTermination, SweepStrategy } from "./enums";
import { addFixedSweepFields, addSearchAdditionFields, addSearchFields } from "./hyperparameter.fields";

/** A sweep's search lists, one per searchable knob (`learningRates: [Float!]`), typed from the catalogue. */
export type SearchSpaceValues = Record<string, unknown[] | null | undefined> & {
  baseModels: string[];
  headUnits: number[][];
  learningRates: number[];
};

// The lists come from the catalogue (addSearchFields below).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SearchSpaceInput extends SearchSpaceValues {}

/** Values to search over, one list per searchable knob of the catalogue; each list must be non-empty. */
@InputType()
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SearchSpaceInput {}
addSearchFields(SearchSpaceInput.prototype);

/** The knobs a sweep fixes for all its runs. */
export type FixedSweepValues = { [K in keyof WireHyperparameters]?: WireHyperparameters[K] | null };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface CreateSweepInput extends FixedSweepValues {}

/**
 * Creates a sweep and its queued runs, written in slices (one transaction each) so a 10,000-run sweep
 * does not block the API; the sweep row comes with the first slice, so it is never seen without runs.
 */
@InputType()
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CreateSweepInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "A key the client makes once per sweep it means to launch (a UUID). Sent again (a retry after a timeout, a second click) it returns the sweep already created instead of a second one; with a different request it is refused (CONFLICT).",
  })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
  @Field(() => ID) experimentId!: string;
  @Field(() => ID) datasetId!: string;
  @Field(() => SearchSpaceInput) @ValidateNested() searchSpace!: SearchSpaceInput;
  @Field(() => SweepStrategy, { defaultValue: SweepStrategy.GRID, nullable: false }) strategy!: SweepStrategy;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(10000) maxRuns?: number | null;
  @Field(() => Int, { defaultValue: 0, nullable: true }) @IsOptional() seed?: number | null;
  @Field(() => Int, {
    defaultValue: 1,
    nullable: true,
    description:
      "Training seeds per configuration (seed, seed + 1, ...): runs that differ only in seed form a group (Sweep.groups). Every run of the sweep is split with the sweep's seed, so all are evaluated on the same images.",
  })
  @IsOptional()
  @Min(1)
  @Max(100)
  repeats?: number | null;
  @Field(() => EarlyTermination, { defaultValue: EarlyTermination.NONE, nullable: false }) earlyTermination!: EarlyTermination;
}
addFixedSweepFields(CreateSweepInput.prototype);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SearchSpaceAdditionInput extends Record<string, unknown[] | null | undefined> {}

/** Values to add to a sweep's search lists, one optional list per searchable knob. */
@InputType()
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SearchSpaceAdditionInput {}
addSearchAdditionFields(SearchSpaceAdditionInput.prototype);

/**
 * Widens a RUNNING or COMPLETED sweep: values added to its lists, a larger budget, or both. GRID
 * queues the combinations it did not have; RANDOM draws more distinct ones; TPE samples on from
 * every result it has.
 */
@InputType()
export class ExtendSweepInput {
  @Field(() => ID) sweepId!: string;
  @Field(() => SearchSpaceAdditionInput, { nullable: true }) @IsOptional() @ValidateNested() add?: SearchSpaceAdditionInput | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "The sweep's new budget of configurations (maxRuns), at least what it has. Required to widen a RANDOM or TPE sweep; a GRID without it takes every new combination.",
  })
  @IsOptional()
  @Min(1)
  @Max(10000)
  maxRuns?: number | null;
}
