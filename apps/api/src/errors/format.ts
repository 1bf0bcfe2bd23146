import { type GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { type ValidationError } from "class-validator";
import { HyperparameterError } from "@graft/core/contract";
import { quote } from "./codes";
import { formatStorageFailure, STORAGE_UNAVAILABLE, type StorageFailure, storageFailureOf } from "./storage";

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
  STORAGE_UNAVAILABLE,
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

/** What the formatter needs to know about the server it formats for. */
export interface FormatErrorOptions {
  /** Named in STORAGE_UNAVAILABLE messages, so the operator knows which disk to look at. */
  dataDir: string | null;
  /** Told about every storage failure a request hit (the API's health check remembers it). */
  onStorageFailure?: (failure: StorageFailure) => void;
}

/** Apollo's formatError for one server: {@link formatError} with that server's {@link FormatErrorOptions}. */
export function createFormatError(
  options: FormatErrorOptions,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => formatError(formatted, error, options);
}

/**
 * Apollo's formatError: known errors keep their code and message; class-validator and
 * hyperparameter errors become BAD_USER_INPUT naming the field and value; SQLite storage failures
 * (full disk, I/O error, read-only, lock timeout) become STORAGE_UNAVAILABLE with `retryable: true`
 * naming the cause and the data dir, the one place they are mapped whichever service hit them;
 * anything else is logged with its stack and shown as a generic INTERNAL_SERVER_ERROR so internals
 * never leak.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatErrorOptions = { dataDir: null },
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.["code"];

  const storage = storageFailureOf(original);
  if (storage) {
    options.onStorageFailure?.(storage);
    // One line, no stack: the cause is the disk, not the code path that noticed it.
    console.error(`[graft-api] storage failure: ${storage.code}: ${storage.message} (data dir ${options.dataDir ?? "unknown"})`);
    return formatStorageFailure(storage, options.dataDir, formatted);
  }

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
