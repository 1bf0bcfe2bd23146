import { type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { type OperationLimits } from "./operation-limits";

/** The same error with `extensions.http.status` set, which Apollo answers with (formatError drops it). */
function withStatus(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, http: { status } } });
}

/**
 * Holds HTTP operations to {@link OperationLimits.checkOperation} (non-finite variables,
 * complexity) once Apollo has resolved the operation. The checks on the text itself (tokens,
 * depth, field count, literals) run earlier, in the HTTP handler (`checkSource`), because Apollo
 * offers no hook between parsing and validation from which an error can be returned.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          const problem = limits.checkOperation(document, operation, request.variables);
          if (problem) throw withStatus(problem, 400);
        },
      };
    },
  };
}
