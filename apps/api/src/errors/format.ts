import { type GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { type ValidationError } from "class-validator";
import { HyperparameterError } from "@graft/schema/hyperparameters";
import { quote } from "./codes";

/** Codes that are safe to show as they are: ours, and the ones graphql-js / Apollo produce for bad requests. */
const PASS_THROUGH = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Flattens class-validator's nested errors into `path: value (constraint; constraint)` lines. */
export function describeValidationErrors(errors: readonly ValidationError[], prefix = ""): string[] {
  const lines: string[] = [];
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      lines.push(`${path} = ${quote(e.value)}: ${Object.values(e.constraints).join("; ")}`);
    }
    if (e.children && e.children.length > 0) lines.push(...describeValidationErrors(e.children, path));
  }
  return lines;
}

function isValidationErrorList(value: unknown): value is ValidationError[] {
  return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null && "property" in v);
}

/**
 * Apollo's formatError: known errors keep their code and message; class-validator and
 * hyperparameter errors become BAD_USER_INPUT naming the field and value; anything else is logged
 * with its stack and shown as a generic INTERNAL_SERVER_ERROR so internals never leak.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.["code"];

  const validationErrors = original instanceof GraphQLError ? original.extensions["validationErrors"] : undefined;
  if (isValidationErrorList(validationErrors)) {
    const lines = describeValidationErrors(validationErrors);
    return {
      message: `Invalid input: ${lines.join(", ")}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "BAD_USER_INPUT", fields: validationErrors.map((v) => v.property) },
    };
  }
  if (original instanceof HyperparameterError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "BAD_USER_INPUT", field: original.field },
    };
  }
  if (typeof code === "string" && PASS_THROUGH.has(code)) {
    // Drop stack traces and http internals; keep the code and our extra fields.
    const { stacktrace: _s, http: _h, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: rest };
  }
  console.error("[graft-api] unexpected error:", original);
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
