import { HYPERPARAMETER_ENTRIES } from "@graft/core/contract";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
} from "graphql";
import { type CountedTable } from "./row-counts";

/**
 * Highest complexity an operation may have. A unit is roughly one field resolved for one row (a
 * few µs); measured on the bench machine, a document at this limit takes ~100 ms to execute,
 * so no single accepted document can hold `/healthz` up for longer than that.
 */
export const MAX_COMPLEXITY = 50_000;

/**
 * What one scan of the runs table costs: `runs` rows / {@link ROWS_PER_SCAN_UNIT}, at least
 * {@link MIN_SCAN_COST} (so a document cannot repeat a "cheap" scan of a small table thousands of
 * times) and at most {@link MAX_SCAN_COST} (so the dashboard's one search page with its
 * totalCount, two scans, always fits however large the table grows).
 */
export const ROWS_PER_SCAN_UNIT = 4;
export const MIN_SCAN_COST = 500;
export const MAX_SCAN_COST = Math.floor(MAX_COMPLEXITY / 5);

/**
 * Typical sizes of per-row lists no argument bounds. Their data bounds them (a run's epochs by its
 * epoch settings, an evaluation's lists by its classes), and each sits under a run page that is
 * itself bounded by `first`; these numbers price the common case rather than the extreme one.
 */
const TYPICAL_LIST_SIZES: Record<string, number> = {
  "Run.epochs": 50,
  "Run.notes": 10,
  "Run.artifacts": 5,
  "Evaluation.misclassified": 50,
  "Evaluation.perClass": 20,
  "RunCurve.epochs": 50,
  "Dataset.classes": 20,
  "Sweep.groups": 50,
  "PairedComparison.flips": 200,
  "PairedComparison.perClass": 20,
  "RunGroup.metrics": 4,
};
/** Price of reading one run's predictions (the blob and file list decoded whole). */
const PREDICTIONS_DECODE_COST = 500;
/** Price of one paired comparison: a tenth of the budget, so at most ten fit in a document. */
const PAIRED_COMPARISON_COST = MAX_COMPLEXITY / 10;

/** Price of one sweep's importance: a random forest over up to 2,000 runs (~200 ms), at most ten a document. */
const IMPORTANCE_COST = MAX_COMPLEXITY / 10;

/** Any other list of objects (catalog lists, introspection's lists): a few dozen items. */
const DEFAULT_LIST_SIZE = 20;

/** Root lists that read a whole table: priced by the table's real size. */
const TABLE_LISTS: Record<string, CountedTable> = {
  "Query.sweeps": "sweeps",
  "Query.experiments": "experiments",
  "Query.datasets": "datasets",
  "Query.agents": "agents",
};

/** Row counts of the tables root lists and scans read (see row-counts.ts). */
export type TableSizes = (table: CountedTable) => number;

/** What {@link operationComplexity} prices. */
export interface ComplexityInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The request's raw variables; coerced here as graphql-js would. */
  variables: Readonly<Record<string, unknown>> | undefined | null;
  sizes: TableSizes;
}

type Args = Record<string, unknown>;
type ParentType = Extract<GraphQLNamedType, { getFields(): unknown }>;

/** The cost of one scan of the runs table now (see {@link ROWS_PER_SCAN_UNIT}). */
export function scanCost(sizes: TableSizes): number {
  return Math.min(MAX_SCAN_COST, Math.max(MIN_SCAN_COST, Math.ceil(sizes("runs") / ROWS_PER_SCAN_UNIT)));
}

/** Whether a `runs` filter makes SQLite look at rows no index narrows (a substring, tags or ranges). */
function filterScans(filter: unknown): boolean {
  if (filter === null || typeof filter !== "object") return false;
  const f = filter as { search?: unknown; tags?: unknown; ranges?: unknown };
  return (
    (typeof f.search === "string" && f.search !== "") ||
    (Array.isArray(f.tags) && f.tags.length > 0) ||
    (Array.isArray(f.ranges) && f.ranges.length > 0)
  );
}

/**
 * The price of one field: 1 for itself, plus its children once per row it can return.
 *  - `Query.runs`: plus a scan when its filter needs one; `RunConnection.nodes`/`edges` multiply
 *    their children by the page's `first`; `RunConnection.totalCount` is a scan (count(*) reads
 *    every matching row, and with a `search` every row).
 *  - `Sweep.runs`: its children × `first` (bounded by the resolver); `Run.predictions`' nodes likewise.
 *  - `RunComparison` lists: × the number of ids compared.
 *  - Root lists of whole tables: × the table's row count.
 *  - Other lists of objects: × their typical size; scalars and scalar lists: 1.
 */
function price(
  parent: ParentType,
  field: GraphQLField<unknown, unknown>,
  args: Args,
  parentArgs: Args,
  children: number,
  sizes: TableSizes,
): number {
  const key = `${parent.name}.${field.name}`;
  const each = Math.max(1, children);
  switch (key) {
    case "Query.runs":
      return 1 + (filterScans(args["filter"]) ? scanCost(sizes) : 0) + children;
    case "RunConnection.nodes":
    case "RunConnection.edges":
      return 1 + numberOr(parentArgs["first"], 0) * each;
    case "RunConnection.totalCount":
      return scanCost(sizes);
    case "Sweep.runs":
      return 1 + numberOr(args["first"], 0) * each;
    case "Query.runGroups":
      // Reads `first` runs and counts the filter's matches (a scan when no index narrows it).
      return 1 + scanCost(sizes) + children;
    case "RunGroupPage.runs":
    case "RunGroupPage.groups":
      return 1 + numberOr(parentArgs["first"], 0) * each;
    case "PredictionPage.nodes":
      return 1 + numberOr(parentArgs["first"], 0) * each;
    case "Run.predictions":
      // Decodes the run's whole blob and file list whatever the page size.
      return PREDICTIONS_DECODE_COST + children;
    case "Query.groupComparison":
    case "Query.pairedComparison":
      // Two decodes and 2,000 bootstrap resamples of every image (~40 ms at 720 images, ~200 ms at
      // 10,000): a handful per document at most.
      return PAIRED_COMPARISON_COST + children;
    case "Sweep.importance":
      // The forest is grown once per sweep and result (memoised), but a document naming many
      // sweeps would grow one each.
      return IMPORTANCE_COST + 10 * each;
    case "Hyperparameters.values":
      // The run's own knobs, one per catalogue entry, built from the row already loaded (no reads):
      // priced as the typed knob fields they stand for, one each.
      return 1 + HYPERPARAMETER_ENTRIES.length;
    case "RunComparison.groups":
    case "RunComparison.runs":
    case "RunComparison.curves":
    case "RunComparison.confusionMatrices":
      return 1 + (Array.isArray(parentArgs["ids"]) ? parentArgs["ids"].length : 20) * each;
  }
  const table = TABLE_LISTS[key];
  if (table) return 1 + sizes(table) * each;
  if (isListType(getNullableType(field.type)) && children > 0) return 1 + (TYPICAL_LIST_SIZES[key] ?? DEFAULT_LIST_SIZE) * each;
  return 1 + children;
}

/**
 * The arguments as the resolvers use them: an explicit `null` (inline or through a variable) for an
 * argument with a default reads as that default, because every resolver here does `first ?? DEFAULT`.
 * Pricing `first: null` as 0 would let `runs(first: null)` nest for free.
 */
function withDefaultsForNull(field: GraphQLField<unknown, unknown>, args: Args): Args {
  let out = args;
  for (const def of field.args) {
    if (out[def.name] === null && def.defaultValue !== undefined && def.defaultValue !== null) {
      if (out === args) out = { ...args };
      out[def.name] = def.defaultValue;
    }
  }
  return out;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.max(0, value) : fallback;
}

/** The variables as execution will see them; a coercion failure is BAD_USER_INPUT, as execution would answer. */
function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: ComplexityInput["variables"],
): Record<string, unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) {
    const first = coerced.errors[0] as GraphQLError;
    throw new GraphQLError(first.message, { nodes: first.nodes, extensions: { code: "BAD_USER_INPUT" } });
  }
  return coerced.coerced;
}

/**
 * A mutation's variables as sent. Its price reads only the page sizes and ids of fields in its
 * result, which JSON already gives as numbers and arrays, so the variables are not coerced: that
 * would walk logEpochs' 50 epochs on the API's hottest path only to learn nothing. Execution still
 * coerces (and refuses) them.
 */
function rawVariables(variables: ComplexityInput["variables"]): Record<string, unknown> {
  return { ...variables };
}

/** The definition of `name` on `parent`, including the introspection fields graphql-js adds to the root. */
function fieldOf(schema: GraphQLSchema, parent: ParentType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name];
}

/**
 * The complexity of `operation`: the sum of {@link price} over every field it would resolve, with
 * fragments spread, `@skip`/`@include` applied and arguments (defaults and variables included)
 * read as the resolvers will see them. Throws the coercion error (BAD_USER_INPUT) when the
 * variables do not fit their declared types, as execution would.
 *
 * Run after validation: unknown fields and types count as nothing. A fragment's cost depends only
 * on its type and the variables, so it is priced once per operation and reused at every spread.
 */
export function operationComplexity({ schema, document, operation, variables, sizes }: ComplexityInput): number {
  const values = operation.operation === "mutation" ? rawVariables(variables) : coercedVariables(schema, operation, variables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Keyed by fragment and the args of the field it sits under (the only outside input a price reads).
  const priced = new Map<string, number>();
  const inProgress = new Set<string>();

  const included = (node: { directives?: readonly unknown[] }): boolean => {
    if (!node.directives?.length) return true;
    const n = node as Parameters<typeof getDirectiveValues>[1];
    return (
      getDirectiveValues(GraphQLSkipDirective, n, values)?.["if"] !== true &&
      getDirectiveValues(GraphQLIncludeDirective, n, values)?.["if"] !== false
    );
  };

  const selectionSet = (parent: ParentType, set: SelectionSetNode, parentArgs: Args): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === "__typename") {
          total += 1;
          continue;
        }
        const field = fieldOf(schema, parent, sel.name.value);
        if (!field) continue;
        const args = withDefaultsForNull(field, getArgumentValues(field, sel, values));
        const named = getNamedType(field.type);
        const children =
          sel.selectionSet && (isObjectType(named) || isInterfaceType(named)) ? selectionSet(named, sel.selectionSet, args) : 0;
        total += price(parent, field, args, parentArgs, children, sizes);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type && (isObjectType(type) || isInterfaceType(type))) total += selectionSet(type, sel.selectionSet, parentArgs);
      } else {
        const fragment = fragments.get(sel.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || !(isObjectType(type) || isInterfaceType(type))) continue;
        const key = `${fragment.name.value}\u0000${JSON.stringify(parentArgs)}`;
        let cost = priced.get(key);
        if (cost === undefined) {
          // A cycle (refused by validation, which runs first) would otherwise never end.
          if (inProgress.has(key)) continue;
          inProgress.add(key);
          cost = selectionSet(type, fragment.selectionSet, parentArgs);
          inProgress.delete(key);
          priced.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const root =
    operation.operation === "query"
      ? schema.getQueryType()
      : operation.operation === "mutation"
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return root ? selectionSet(root, operation.selectionSet, {}) : 0;
}
