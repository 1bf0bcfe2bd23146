import { getOperationAST, type GraphQLSchema, parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { graftSchema } from "../schema";
import {
  MAX_COMPLEXITY,
  MAX_SCAN_COST,
  MIN_SCAN_COST,
  ROWS_PER_SCAN_UNIT,
  operationComplexity,
  scanCost,
  type TableSizes,
} from "./complexity";
import { type CountedTable } from "./row-counts";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graftSchema();
});

/** Table sizes for pricing: `runs` rows and, for every other table, `others`. */
function sizes(runs: number, others = 0): TableSizes {
  return (table: CountedTable) => (table === "runs" ? runs : others);
}

function price(query: string, options: { variables?: Record<string, unknown>; runs?: number; others?: number } = {}): number {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return operationComplexity({
    schema,
    document,
    operation,
    variables: options.variables ?? {},
    sizes: sizes(options.runs ?? 0, options.others ?? 0),
  });
}

describe("what a field costs", () => {
  it("prices a runs page by its first, not by the connection's other fields", () => {
    // runs 1 + nodes (1 + first × (id, name)) + pageInfo (1 + 1)
    expect(price("{ runs(first: 10) { nodes { id name } pageInfo { hasNextPage } } }")).toBe(1 + (1 + 10 * 2) + 2);
    // first defaults to 50
    expect(price("{ runs { nodes { id } } }")).toBe(1 + 1 + 50);
    expect(price("query($n: Int) { runs(first: $n) { edges { node { id } } } }", { variables: { n: 3 } })).toBe(1 + 1 + 3 * 2);
  });

  it("prices totalCount as a scan of the runs table, and a search as another", () => {
    const count = "{ runs(first: 1) { totalCount } }";
    const search = '{ runs(first: 1, filter: { search: "zzz" }) { totalCount } }';
    expect(price(count, { runs: 0 })).toBe(1 + MIN_SCAN_COST);
    expect(price(search, { runs: 0 })).toBe(1 + 2 * MIN_SCAN_COST);
    expect(price(search, { runs: 10_000 })).toBe(1 + 2 * (10_000 / ROWS_PER_SCAN_UNIT));
    expect(scanCost(sizes(10 ** 9))).toBe(MAX_SCAN_COST);
    // Tags and ranges also keep SQLite from narrowing the page through an index.
    expect(price('{ runs(first: 1, filter: { tags: ["a"] }) { nodes { id } } }', { runs: 0 })).toBe(1 + MIN_SCAN_COST + 1 + 1);
  });

  it("multiplies a sweep's runs by their first, default 500", () => {
    expect(price('{ sweep(id: "s") { runs(first: 20) { id } } }')).toBe(1 + 1 + 20);
    expect(price('{ sweep(id: "s") { runs { id name } } }')).toBe(1 + 1 + 500 * 2);
  });

  it("prices first: null as the default it resolves to, inline or through a variable", () => {
    expect(price('{ sweep(id: "s") { runs(first: null) { id } } }')).toBe(1 + 1 + 500);
    expect(price("query($n: Int) { runs(first: $n) { nodes { id } } }", { variables: { n: null } })).toBe(1 + 1 + 50);
    // The nesting that exhausted the heap stays refused when every page size is null.
    const nested = '{ sweep(id: "x") { runs(first: null) { sweep { runs(first: null) { sweep { runs(first: null) { id } } } } } } }';
    expect(price(nested)).toBeGreaterThan(500 ** 3);
  });

  it("multiplies root lists by their table's size, and per-run lists by a typical size", () => {
    expect(price("{ sweeps { id } }", { others: 300 })).toBe(1 + 300);
    expect(price("{ sweeps { runs(first: 100) { id } } }", { others: 300 })).toBe(1 + 300 * (1 + 100));
    expect(price('{ run(id: "r") { epochs { epoch loss } } }')).toBe(1 + 1 + 50 * 2);
  });

  it("multiplies compareRuns' lists by the number of ids", () => {
    expect(price("query($ids: [ID!]!) { compareRuns(ids: $ids) { runs { id } labels } }", { variables: { ids: ["a", "b", "c"] } })).toBe(
      1 + (1 + 3) + 1,
    );
  });

  it("prices a paired comparison at a tenth of the budget, so at most ten fit in one document", () => {
    const one = price('{ pairedComparison(a: "a", b: "b") { accuracyDifference } }');
    expect(one).toBe(MAX_COMPLEXITY / 10 + 1);
    const aliases = Array.from({ length: 11 }, (_, i) => `p${i}: pairedComparison(a: "a", b: "b") { accuracyDifference }`).join(" ");
    expect(price(`{ ${aliases} }`)).toBeGreaterThan(MAX_COMPLEXITY);
    // A run's predictions decode the whole blob, whatever the page.
    expect(price('{ run(id: "r") { predictions(first: 10) { nodes { file } } } }')).toBe(1 + 500 + (1 + 10 * 1));
  });

  it("spreads fragments, honours @skip/@include, and reads defaults and variables", () => {
    const q = "query($all: Boolean!) { runs(first: 10) { nodes { ...R } } } fragment R on Run { id epochs @include(if: $all) { epoch } }";
    expect(price(q, { variables: { all: false } })).toBe(1 + 1 + 10 * 1);
    expect(price(q, { variables: { all: true } })).toBe(1 + 1 + 10 * (1 + 1 + 50));
  });

  it("refuses variables that do not fit their types, as execution would", () => {
    expect(() => price("query($n: Int) { runs(first: $n) { totalCount } }", { variables: { n: "many" } })).toThrow(
      /Variable "\$n" got invalid value "many"/,
    );
  });
});
