import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

/** How a base model's downloaded files are verified. */
export enum ChecksumPolicy {
  /** The registry's sha256 is checked on every download and cache hit. */
  PINNED = "PINNED",
  /** Trust on first use: the first download records the sha256s, later files must match them. */
  RECORDED = "RECORDED",
  /** Nothing is downloaded (converted locally from Keras). */
  NONE = "NONE",
}
registerEnumType(ChecksumPolicy, {
  name: "ChecksumPolicy",
  description: "How a base model's downloaded files are verified.",
  valuesConfig: {
    PINNED: { description: "The registry pins the sha256: checked on every download and cache hit." },
    RECORDED: {
      description: "Trust on first use: the first download records the sha256s of model.json and weights; later files must match them.",
    },
    NONE: { description: "Nothing is downloaded: the model is converted locally." },
  },
});

/** A base model the trainer can load by name. */
@ObjectType()
export class BaseModelInfo {
  @Field(() => String) name!: string;
  @Field(() => Int) inputSize!: number;
  @Field(() => String) description!: string;
  @Field(() => ChecksumPolicy) checksum!: ChecksumPolicy;
  @Field(() => Int, {
    nullable: true,
    description:
      "Layers up to and including the feature layer: the largest fineTuneLayers the base takes. Null when only the loaded model can tell (then the trainer checks the depth).",
  })
  baseLayerCount!: number | null;
  @Field(() => [Int], {
    nullable: true,
    description:
      "The depths fine-tuning can really unfreeze, ascending (block boundaries); a requested fineTuneLayers is rounded up to the next one. Null when unknown.",
  })
  fineTuneDepths!: number[] | null;
}

/** A named augmentation preset and its canonical op list. */
@ObjectType()
export class AugmentationPreset {
  @Field(() => String) name!: string;
  @Field(() => String) ops!: string;
}

/** When a knob applies: only when another is positive (`fineTuneLayers > 0`) or set (a patience). */
@ObjectType()
export class HyperparameterCondition {
  @Field(() => String) parameter!: string;
  @Field(() => String, { description: "positive (> 0) or set (not null)." }) rule!: string;
}

/**
 * A rule a knob's value must meet against another knob (core's cross rules, served so the form
 * checks a sweep before the API does, with the same words).
 */
@ObjectType()
export class HyperparameterCrossRule {
  @Field(() => String, {
    description: "below (less than the other knob's value; for a sweep, its lowest searched value) or atLeast (at least min).",
  })
  relation!: string;
  @Field(() => String, { nullable: true, description: "The other knob, for below." }) other!: string | null;
  @Field(() => Float, { nullable: true, description: "The least value, for atLeast." }) min!: number | null;
  @Field(() => HyperparameterCondition, { nullable: true, description: "Only while this holds (for a sweep: for some searched value)." })
  appliesWhen!: HyperparameterCondition | null;
  @Field(() => String, { nullable: true, description: 'Words that end the rule ("when fine-tuning").' }) qualifier!: string | null;
}

/**
 * One knob of the hyperparameter catalogue, as clients read it (the dashboard builds its form,
 * run page, runs-table columns and Compare from these, not from a copy).
 */
@ObjectType()
export class HyperparameterInfo {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: "float, int, enum, ops (augmentation), units (head layers) or text." }) kind!: string;
  @Field(() => String, { description: "model, head, fine_tune, both or data." }) phase!: string;
  @Field(() => HyperparameterCondition, { nullable: true }) appliesWhen!: HyperparameterCondition | null;
  @Field(() => [HyperparameterCrossRule], { description: "Rules against other knobs, checked in order; the first broken one is reported." })
  crossRules!: HyperparameterCrossRule[];
  @Field(() => String, { description: "The `graft train` flag, without dashes." }) flag!: string;
  @Field(() => String, { description: "search (a list per sweep), fixed (one value per sweep) or none." }) sweep!: string;
  @Field(() => String, { nullable: true, description: "The SearchSpaceInput list field of a searchable knob." }) searchField!:
    string | null;
  @Field(() => Boolean) searchRequired!: boolean;
  @Field(() => Boolean) inputRequired!: boolean;
  @Field(() => Boolean, { description: "Whether null is a value (off, or what nullText says)." }) nullable!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'What null is shown as and typed as ("off", "same as seed"); null when the knob is not nullable.',
  })
  nullText!: string | null;
  @Field(() => String, { nullable: true, description: "The RunField that sorts and range-filters it; null when not sortable." })
  sortField!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: "The default, in the wire form of the typed field." }) default!: unknown;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Boolean) exclusiveMin!: boolean;
  @Field(() => Boolean) exclusiveMax!: boolean;
  @Field(() => String, { nullable: true, description: "linear or log: how charts and searches space it." }) scale!: string | null;
  @Field(() => [String], { description: "Enum values or augmentation ops; empty otherwise." }) values!: string[];
  @Field(() => [AugmentationPreset], { description: "Augmentation presets; empty otherwise." }) presets!: AugmentationPreset[];
  @Field(() => Int, { nullable: true, description: "Most layers (units) or characters (text)." }) maxLength!: number | null;
  @Field(() => String, { description: "What a valid value is, in words: the `<name> must be <rule>, received <value>` of every refusal." })
  rule!: string;
}
