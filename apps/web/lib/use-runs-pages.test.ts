import { describe, expect, it } from "vitest";
import { pageSizeFor } from "./use-runs-pages";

describe("pageSizeFor", () => {
  it("asks for one page while scrolling near the loaded end", () => {
    expect(pageSizeFor(100, 80)).toBe(100);
    expect(pageSizeFor(100, 100)).toBe(100);
  });
  it("asks for more when the user jumped ahead, capped at 400", () => {
    expect(pageSizeFor(100, 300)).toBe(300);
    expect(pageSizeFor(100, 5000)).toBe(400);
  });
});
