import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type DocumentNode, getOperationAST, type GraphQLSchema, Kind, parse, specifiedRules, validate, visit } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { graftSchema } from "../schema";
import { API_DIR } from "../test/processes";
import { operationComplexity } from "./complexity";
import { measureDocument } from "./document-shape";
import { OPERATION_LIMITS } from "./operation-limits";

/**
 * Every document Graft's own clients send, read from their generated `gql.ts` (the operations as
 * written, one entry per document): the limits must never refuse them, at their largest.
 */
function clientDocuments(file: string): string[] {
  const text = readFileSync(join(API_DIR, "..", file), "utf8");
  const entry = /^\s*"((?:[^"\\]|\\.)*)": typeof types\./gm;
  return [...text.matchAll(entry)].map((m) => JSON.parse(`"${m[1]}"`) as string);
}

/** Each operation with the fragments it spreads (transitively), as one document. */
function operations(documents: string[]): { name: string; source: string }[] {
  const fragments = new Map<string, string>();
  for (const d of documents) {
    const name = /^\s*fragment (\w+)/.exec(d)?.[1];
    if (name) fragments.set(name, d);
  }
  const spreadsOf = (source: string) => [...source.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1] as string).filter((n) => fragments.has(n));
  return documents
    .filter((d) => !/^\s*fragment /.test(d))
    .map((d) => {
      const needed = new Set<string>();
      const queue = spreadsOf(d);
      while (queue.length) {
        const n = queue.pop() as string;
        if (needed.has(n)) continue;
        needed.add(n);
        queue.push(...spreadsOf(fragments.get(n) as string));
      }
      return { name: /^\s*\w+ (\w+)/.exec(d)?.[1] ?? d.slice(0, 40), source: [d, ...[...needed].map((n) => fragments.get(n))].join("\n") };
    });
}

/** The costliest values clients send: the largest page, the most runs compared, a search filter. */
function largestVariables(document: DocumentNode): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  visit(document, {
    VariableDefinition(node) {
      const name = node.variable.name.value;
      if (name === "first") values[name] = 500;
      else if (name === "ids") values[name] = Array.from({ length: 20 }, (_, i) => `run-${i}`);
      else if (name === "filter") values[name] = { search: "leaf", tags: ["a"] };
      else if (node.type.kind === Kind.NON_NULL_TYPE) values[name] = "x";
    },
  });
  return values;
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graftSchema();
});

describe.each(["web/gql/gql.ts", "trainer/src/graphql/gql/gql.ts"])("the documents %s sends", (file) => {
  const ops = operations(clientDocuments(file));

  it("were found", () => {
    expect(ops.length).toBeGreaterThan(5);
  });

  it.each(ops.map((o) => [o.name, o.source] as const))("%s stays within every limit", (_name, source) => {
    const document = parse(source, { maxTokens: OPERATION_LIMITS.maxTokens });
    expect(validate(schema, document, specifiedRules)).toEqual([]);
    const shape = measureDocument(document);
    expect(shape.depth).toBeLessThanOrEqual(OPERATION_LIMITS.maxDepth);
    expect(shape.fields).toBeLessThanOrEqual(OPERATION_LIMITS.maxFields);
    const operation = getOperationAST(document);
    if (!operation) throw new Error("no operation");
    // A large installation: 100,000 runs (scans at their cap), 1,000 of everything else.
    const complexity = operationComplexity({
      schema,
      document,
      operation,
      variables: largestVariables(document),
      sizes: (table) => (table === "runs" ? 100_000 : 1_000),
    });
    expect(complexity).toBeLessThanOrEqual(OPERATION_LIMITS.maxComplexity);
  });
});
