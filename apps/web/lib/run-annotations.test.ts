import { describe, expect, it } from "vitest";
import { canQueueAgain, checkNote, checkRunName, checkTag, deleteBlockedReason } from "./run-annotations";

describe("run annotations", () => {
  it("checks names, tags and notes with the API's limits, trimmed", () => {
    expect(checkRunName("  lr-0.001 ")).toBeNull();
    expect(checkRunName("   ")).toBe("A run's name cannot be empty");
    expect(checkRunName("x".repeat(201))).toBe("A run's name must be at most 200 characters (got 201)");
    expect(checkTag("x".repeat(100))).toBeNull();
    expect(checkTag("x".repeat(101))).toBe("A tag must be at most 100 characters (got 101)");
    expect(checkNote("x".repeat(20_001))).toBe("A note must be at most 20,000 characters (got 20,001)");
  });
  it("offers queueing again after FAILED or CANCELED, and deleting anything but a RUNNING run", () => {
    expect((["FAILED", "CANCELED", "COMPLETED", "QUEUED", "RUNNING", "STOPPED_EARLY"] as const).filter(canQueueAgain)).toEqual([
      "FAILED",
      "CANCELED",
    ]);
    expect(deleteBlockedReason("RUNNING")).toContain("cancel it");
    expect(deleteBlockedReason("QUEUED")).toBeNull();
  });
});
