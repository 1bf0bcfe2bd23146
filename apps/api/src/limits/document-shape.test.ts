import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { measureDocument } from "./document-shape";

describe("measuring a document", () => {
  it("counts depth and every field selection, aliases and __typename included", () => {
    expect(measureDocument(parse("{ a b { c d { e } } x: a }"))).toEqual({ depth: 3, fields: 6 });
    expect(measureDocument(parse("{ __typename a: __typename }"))).toEqual({ depth: 1, fields: 2 });
  });

  it("spreads fragments where they are used, inline ones included", () => {
    const doc = parse("{ a { ...F } b { ...F ... on T { z { y } } } } fragment F on T { c { d } }");
    expect(measureDocument(doc)).toEqual({ depth: 3, fields: 2 + 2 + 2 + 2 });
  });

  it("measures exponentially fanning fragments in linear time, reporting their executed size", () => {
    // F0 spreads F1 twice under two aliases, F1 spreads F2 twice, …: 2^30 leaf fields once spread.
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on T { x: t { ...F${i + 1} } y: t { ...F${i + 1} } }`).join(
      " ",
    );
    const doc = parse(`{ t { ...F0 } } ${fragments} fragment F${levels} on T { leaf }`);
    const started = performance.now();
    const shape = measureDocument(doc);
    expect(performance.now() - started).toBeLessThan(50);
    expect(shape.depth).toBe(levels + 2);
    expect(shape.fields).toBeGreaterThan(2 ** levels);
  });

  it("does not loop on cyclic fragments (validation refuses them afterwards)", () => {
    expect(measureDocument(parse("{ a { ...A } } fragment A on T { b { ...B } } fragment B on T { c { ...A } }"))).toEqual({
      depth: 3,
      fields: 3,
    });
  });
});
