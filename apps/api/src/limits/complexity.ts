import { type ApolloServerPlugin } from "@apollo/server";
import { type GraphQLSchema } from "graphql";
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

/** An Apollo plugin rejecting queries and subscriptions above {@link MAX_COMPLEXITY}. */
export function complexityPlugin(schema: GraphQLSchema, max: number = MAX_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Reads are what can fan out; mutations are token-holders' writes with small results
          // (still depth-limited), and scoring logEpochs' 50-epoch variables cost as much as running it.
          if (operation?.operation === "mutation") return;
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw httpGraftError("BAD_USER_INPUT", `Query complexity ${complexity} exceeds the limit of ${max}; ask for fewer fields or a smaller page`);
          }
        },
      };
    },
  };
}
