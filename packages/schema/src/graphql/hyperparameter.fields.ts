/**
 * GraphQL fields derived from the hyperparameter catalogue (`@graft/core/contract`): the fields of
 * `Hyperparameters` (a run's values), `HyperparametersInput` (createRun), the sweep's search lists
 * and fixed settings, and the `RunField` values of sortable knobs. type-graphql's decorators are
 * plain functions, so they are applied here in a loop over the catalogue instead of by hand on each
 * property; bounds are not decorators but the catalogue's one validation, run by the API's services.
 */
import { HYPERPARAMETER_ENTRIES, type HyperparameterSpec, toWire } from "@graft/core/contract";
import { ArrayMaxSize, ArrayMinSize, IsOptional } from "class-validator";
import { Field, Float, Int } from "type-graphql";

/** Most values one sweep list may hold. */
export const SEARCH_LIST_MAX = 50;

/** type-graphql's type function (`() => Float`), as `Field` takes it. */
type TypeFn = Extract<Parameters<typeof Field>[0], (...args: never[]) => unknown>;

/** The GraphQL type of one value of a knob. */
export function valueTypeOf(spec: HyperparameterSpec): TypeFn {
  switch (spec.kind) {
    case "float":
      return () => Float;
    case "int":
      return () => Int;
    case "units":
      return () => [Int];
    default:
      // Enums stay String on the wire (as before the catalogue): the catalogue query lists the values.
      return () => String;
  }
}

function descriptionOf(spec: HyperparameterSpec): string {
  return spec.appliesWhen === undefined
    ? spec.description
    : `${spec.description} Applies only when ${spec.appliesWhen.parameter} is ${spec.appliesWhen.rule === "positive" ? "> 0" : "set"}.`;
}

/** A run's value of every knob, nullable where the knob is ("off"). */
export function addValueFields(target: object): void {
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    Field(valueTypeOf(spec), { nullable: spec.nullable, description: descriptionOf(spec) })(target, name);
  }
}

/**
 * Every knob as an input: optional with the catalogue's default, except those the API requires
 * (`baseModel`, `headUnits`), nullable ("off") ones and derived ones (`inputSize`).
 */
export function addInputFields(target: object, which: (spec: HyperparameterSpec) => boolean = () => true): void {
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    if (!which(spec)) continue;
    const required = spec.inputRequired === true;
    const noDefault = required || spec.nullable || spec.apiOnly === true;
    Field(valueTypeOf(spec), {
      nullable: !required,
      description: descriptionOf(spec),
      ...(noDefault ? {} : { defaultValue: toWire(name, spec.default) }),
    })(target, name);
    if (!required) IsOptional()(target, name);
  }
}

/** The sweep search space: one list per searchable knob (`learningRates`), non-empty and bounded. */
export function addSearchFields(target: object): void {
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    if (spec.sweep !== "search" || spec.searchField === undefined) continue;
    const required = spec.searchRequired === true;
    const element = valueTypeOf(spec);
    Field(() => [element()], {
      nullable: !required,
      description: `Values of ${name} to search over. ${descriptionOf(spec)}`,
      ...(required ? {} : { defaultValue: [toWire(name, spec.default)] }),
    })(target, spec.searchField);
    if (!required) IsOptional()(target, spec.searchField);
    ArrayMinSize(1)(target, spec.searchField);
    ArrayMaxSize(SEARCH_LIST_MAX)(target, spec.searchField);
  }
}

/** Values to add to a sweep's search lists (extendSweep): every list optional, none with a default. */
export function addSearchAdditionFields(target: object): void {
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    if (spec.sweep !== "search" || spec.searchField === undefined) continue;
    const element = valueTypeOf(spec);
    Field(() => [element()], { nullable: true, description: `Values of ${name} to add to the sweep's list.` })(target, spec.searchField);
    IsOptional()(target, spec.searchField);
    ArrayMinSize(1)(target, spec.searchField);
    ArrayMaxSize(SEARCH_LIST_MAX)(target, spec.searchField);
  }
}

/** A stored sweep's search lists: every searchable knob's list (defaults filled by the API). */
export function addSearchOutputFields(target: object): void {
  for (const [name, spec] of HYPERPARAMETER_ENTRIES) {
    if (spec.sweep !== "search" || spec.searchField === undefined) continue;
    const element = valueTypeOf(spec);
    Field(() => [element()], { description: `Values of ${name} the sweep searches.` })(target, spec.searchField);
  }
}

/** The knobs a sweep fixes for every run (`epochs`, callbacks). */
export function addFixedSweepFields(target: object): void {
  addInputFields(target, (spec) => spec.sweep === "fixed");
}
