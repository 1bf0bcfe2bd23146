import { type ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, getVariableValues, type GraphQLSchema, Kind, visit } from "graphql";
import { createRequire } from "node:module";
import type * as QueryComplexity from "graphql-query-complexity";
import { type ComplexityEstimator } from "graphql-query-complexity";
import { httpGraftError } from "../errors";

// graphql-query-complexity's ESM build imports `graphql/index.mjs`, a second copy of graphql next
// to the CommonJS one type-graphql and Apollo load ("Cannot use GraphQLObjectType from another
// realm"); its CommonJS build shares their copy.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)("graphql-query-complexity") as typeof QueryComplexity;

/** Highest complexity an operation may have: e.g. 500 runs × ~40 fields, with headroom. */
export const MAX_COMPLEXITY = 50_000;

/** Assumed sizes of list fields without a `first` argument (their data bounds them, not the query). */
const LIST_SIZES: Record<string, number> = { epochs: 50, runs: 100, misclassified: 50, curves: 20, confusionMatrices: 20, notes: 10, artifacts: 5 };

/**
 * A list with a `first` argument costs `first ×` its children; other known lists cost their
 * assumed size × their children; every other field costs 1 plus its children.
 */
const listEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const first = args["first"];
  if (typeof first === "number") return 1 + first * Math.max(1, childComplexity);
  const size = LIST_SIZES[field.name];
  return size !== undefined && childComplexity > 0 ? 1 + size * childComplexity : undefined;
};

/** Most distinct (operation, `first`/directive variables) entries remembered per document. */
const MAX_ENTRIES_PER_DOCUMENT = 64;

/**
 * Names of the variables a complexity score can depend on: those passed to a `first` argument
 * (the only argument {@link listEstimator} reads) or to a directive (`@include(if: $x)`/`@skip`
 * decide which fields are counted). Every other variable (a cursor, an id) leaves the score as is.
 */
function scoringVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node, _key, _parent, _path, ancestors) {
      const inDirective = ancestors.some((a) => !Array.isArray(a) && (a as { kind?: string }).kind === Kind.DIRECTIVE);
      if (node.name.value !== "first" && !inDirective) return;
      visit(node.value, {
        Variable(v) {
          names.add(v.name.value);
        },
      });
    },
  });
  return [...names].sort();
}

/**
 * Scores memoised per parsed document. Apollo hands every request with the same query string the
 * same cached DocumentNode, so a dashboard paging through runs pays for one traversal, not one per page.
 */
class ComplexityCache {
  private readonly byDocument = new WeakMap<DocumentNode, { variables: string[]; scores: Map<string, number> }>();

  /** The score remembered for this operation and these variables, if any. */
  get(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number | undefined {
    return this.entry(document).scores.get(this.key(document, operationName, variables));
  }

  /** Remembers a score (forgetting the document's others once it holds too many). */
  set(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined, score: number): void {
    const { scores } = this.entry(document);
    if (scores.size >= MAX_ENTRIES_PER_DOCUMENT) scores.clear();
    scores.set(this.key(document, operationName, variables), score);
  }

  private entry(document: DocumentNode): { variables: string[]; scores: Map<string, number> } {
    let entry = this.byDocument.get(document);
    if (!entry) {
      entry = { variables: scoringVariables(document), scores: new Map() };
      this.byDocument.set(document, entry);
    }
    return entry;
  }

  private key(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): string {
    return JSON.stringify([operationName ?? null, ...this.entry(document).variables.map((n) => variables?.[n] ?? null)]);
  }
}

/** An Apollo plugin rejecting queries and subscriptions above {@link MAX_COMPLEXITY}. */
export function complexityPlugin(schema: GraphQLSchema, max: number = MAX_COMPLEXITY): ApolloServerPlugin {
  const cache = new ComplexityCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Reads are what can fan out; mutations are token-holders' writes with small results
          // (still depth-limited), and scoring logEpochs' 50-epoch variables cost as much as running it.
          if (operation?.operation === "mutation") return;
          let complexity = cache.get(document, request.operationName, request.variables);
          if (complexity === undefined) {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
            cache.set(document, request.operationName, request.variables, complexity);
          } else if (operation) {
            // A cached score skips getComplexity, so repeat the one check of it that depends on
            // the other variables: ill-typed variables fail here with the error it would throw.
            const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
            if (errors?.length) throw errors[errors.length - 1];
          }
          if (complexity > max) {
            throw httpGraftError("BAD_USER_INPUT", `Query complexity ${complexity} exceeds the limit of ${max}; ask for fewer fields or a smaller page`);
          }
        },
      };
    },
  };
}
