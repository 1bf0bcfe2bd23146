import {
  type DocumentNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
  type ParseOptions,
  specifiedRules,
  validate,
} from "graphql";
import { MAX_COMPLEXITY, operationComplexity, type TableSizes } from "./complexity";
import { measureDocument } from "./document-shape";
import { nonFiniteLiteral, nonFiniteVariable } from "./finite-numbers";

/** The bounds every GraphQL operation is held to, whichever transport brought it. */
export interface OperationLimitSettings {
  /** Most tokens graphql-js may lex before it gives up parsing (its `maxTokens`). */
  maxTokens: number;
  /** Deepest field nesting (sweep → runs → epochs is 3). */
  maxDepth: number;
  /** Most field selections, aliases included and fragments spread where used. */
  maxFields: number;
  /** Highest {@link operationComplexity} of a query or subscription. */
  maxComplexity: number;
}

/**
 * The defaults. Graft's own clients send at most ~120 fields, ~600 tokens and depth 4 (a test
 * checks every document the dashboard and the trainer send against these); the bounds leave room
 * for hand-written queries while keeping parsing and validation of the worst accepted document
 * to a few milliseconds (graphql-js validation grows with the square of same-named fields).
 */
export const OPERATION_LIMITS: OperationLimitSettings = {
  maxTokens: 10_000,
  maxDepth: 10,
  maxFields: 500,
  maxComplexity: MAX_COMPLEXITY,
};

/** Which limit an operation broke, as `extensions.limit` names it. */
export type LimitName = "tokens" | "depth" | "fields" | "complexity";

/**
 * BAD_USER_INPUT for a document over one of the limits, naming it and the value measured:
 * `extensions: { code, limit, max, actual }`. No HTTP status inside: each transport adds its own.
 */
export function limitError(limit: LimitName, actual: number, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", limit, max, actual } });
}

/** graphql-js's message when `maxTokens` stops a parse: "Document contains more that N tokens. Parsing aborted." */
const TOKEN_LIMIT_MESSAGE = /Document contains more (?:than|that) \d+ tokens/;

/** Whether a parse failure is graphql-js giving up at `maxTokens`, not a syntax error. */
export function isTokenLimitError(error: unknown): boolean {
  return error instanceof Error && TOKEN_LIMIT_MESSAGE.test(error.message);
}

/** An operation ready to execute: its parsed document and the operation selected in it. */
export interface CheckedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** What a transport received: graphql-ws's subscribe payload, or the fields of an HTTP body. */
export interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}

/** Most query texts whose {@link OperationLimits.checkSource} verdict is remembered. */
const SOURCE_CACHE_ENTRIES = 1000;
/** Longer texts are checked every time rather than kept in memory. */
const SOURCE_CACHE_MAX_LENGTH = 20_000;

/**
 * The one place the API's operation limits live, used by both entry points in the same order:
 * tokens, then depth, field count and numeric literals (before graphql-js validation, whose own
 * cost on an oversized document is part of the problem), then validation, then the operation's
 * variables and complexity. Over HTTP the handler calls {@link checkSource} before handing the
 * request to Apollo, and the Apollo plugin (limits/apollo-plugin.ts) calls {@link checkOperation}
 * once Apollo has resolved the operation; over graphql-ws, `onSubscribe` calls {@link prepare}.
 */
export class OperationLimits {
  /** graphql-js parse options: the token bound (also given to Apollo, as a backstop). */
  readonly parseOptions: ParseOptions;
  private readonly verdicts = new Map<string, GraphQLError | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly sizes: TableSizes,
    readonly settings: OperationLimitSettings = OPERATION_LIMITS,
  ) {
    this.parseOptions = { maxTokens: settings.maxTokens };
  }

  /** The error for a document stopped at `maxTokens`; `length` is its size in characters. */
  tokenLimitError(length: number): GraphQLError {
    const max = this.settings.maxTokens;
    return limitError(
      "tokens",
      max + 1,
      max,
      `The document has more than ${max} tokens (the limit; it is ${length} characters long); send fewer fields or pass values as variables`,
    );
  }

  /**
   * Checks a query text before anything else parses or validates it: parsed within `maxTokens`,
   * then {@link checkDocument}. A syntax error is not reported here (returns null) but left to the
   * parser that follows, so it keeps its usual wording. Verdicts on the texts clients repeat are
   * remembered, so the check costs a map lookup on the hot path (an agent's logEpochs).
   */
  checkSource(query: string): GraphQLError | null {
    const known = this.verdicts.get(query);
    if (known !== undefined) return known;
    let verdict: GraphQLError | null;
    try {
      verdict = this.checkDocument(parse(query, this.parseOptions));
    } catch (e) {
      verdict = isTokenLimitError(e) ? this.tokenLimitError(query.length) : null;
    }
    if (query.length <= SOURCE_CACHE_MAX_LENGTH) {
      if (this.verdicts.size >= SOURCE_CACHE_ENTRIES) this.verdicts.delete(this.verdicts.keys().next().value as string);
      this.verdicts.set(query, verdict);
    }
    return verdict;
  }

  /**
   * Checks what the document alone decides, cheaply and before graphql-js validation runs: its
   * depth and field count (fragments spread) and that no numeric literal overflows to Infinity.
   * Returns the first problem, or null.
   */
  checkDocument(document: DocumentNode): GraphQLError | null {
    const { depth, fields } = measureDocument(document);
    const { maxDepth, maxFields } = this.settings;
    if (depth > maxDepth)
      return limitError("depth", depth, maxDepth, `Query depth ${depth} exceeds the limit of ${maxDepth}; nest fewer selections`);
    if (fields > maxFields) {
      return limitError(
        "fields",
        fields,
        maxFields,
        `The document selects ${fields} fields (aliases and fragment spreads included), over the limit of ${maxFields}; ask for fewer`,
      );
    }
    return nonFiniteLiteral(document);
  }

  /**
   * Checks what depends on the operation and its variables: no variable holds a non-finite
   * number, and the operation stays within `maxComplexity`. Mutations are priced too, by what
   * their result selects (`addTag { sweep { runs { sweep { runs … } } } }` fans out like a query);
   * their variables are not coerced for it (see complexity.ts). Returns the first problem
   * (BAD_USER_INPUT), or null.
   */
  checkOperation(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): GraphQLError | null {
    const nonFinite = nonFiniteVariable(variables);
    if (nonFinite) return nonFinite;
    let complexity: number;
    try {
      complexity = operationComplexity({ schema: this.schema, document, operation, variables, sizes: this.sizes });
    } catch (e) {
      if (e instanceof GraphQLError) return e;
      throw e;
    }
    const max = this.settings.maxComplexity;
    if (complexity > max) {
      return limitError(
        "complexity",
        complexity,
        max,
        `Query complexity ${complexity} exceeds the limit of ${max}; ask for fewer fields or a smaller page`,
      );
    }
    return null;
  }

  /**
   * Parses, checks, validates and selects the operation of a request that no other layer has
   * handled (graphql-ws hands `onSubscribe` the raw payload): the same steps as Apollo's pipeline
   * with this class's checks at the same points. `authorize` runs once the operation type is known
   * and throws the error to return. Returns the checked operation, or the errors to send.
   */
  prepare(
    request: OperationRequest,
    authorize: (operation: OperationDefinitionNode["operation"]) => void,
  ): CheckedOperation | GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(request.query, this.parseOptions);
    } catch (e) {
      if (isTokenLimitError(e)) return [this.tokenLimitError(request.query.length)];
      const message = e instanceof Error ? e.message : String(e);
      return [
        new GraphQLError(message, {
          ...(e instanceof GraphQLError ? { source: e.source, positions: e.positions } : {}),
          extensions: { code: "GRAPHQL_PARSE_FAILED" },
        }),
      ];
    }
    const shape = this.checkDocument(document);
    if (shape) return [shape];
    const invalid = validate(this.schema, document, specifiedRules);
    if (invalid.length > 0)
      return invalid.map(
        (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: "GRAPHQL_VALIDATION_FAILED" } }),
      );
    const operation = getOperationAST(document, request.operationName ?? undefined);
    if (!operation) {
      const message = request.operationName
        ? `Unknown operation named "${request.operationName}".`
        : "Must provide operation name if query contains multiple operations.";
      return [new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } })];
    }
    try {
      authorize(operation.operation);
    } catch (e) {
      if (!(e instanceof GraphQLError)) throw e;
      // Access errors carry Apollo's HTTP status, meaningless on a socket.
      const { http: _http, ...extensions } = e.extensions;
      return [new GraphQLError(e.message, { extensions })];
    }
    const problem = this.checkOperation(document, operation, request.variables);
    return problem ? [problem] : { document, operation };
  }
}
