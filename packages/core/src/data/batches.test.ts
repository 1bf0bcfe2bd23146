import { describe, expect, it, vi } from "vitest";
import type { ImageEntry } from "../types";

/** Tracks decodes: how many were started, and the most in flight at once. */
const stats = vi.hoisted(() => ({ started: 0, inFlight: 0, maxInFlight: 0 }));

vi.mock("./image", () => ({
  decodeImage: async (absPath: string, size: number): Promise<Uint8Array> => {
    stats.started++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    // Later files finish sooner: output order must still follow the input.
    const index = Number(absPath.replace(/\D/g, ""));
    await new Promise((resolve) => setTimeout(resolve, 5 + ((100 - index) % 7)));
    stats.inFlight--;
    return new Uint8Array(size * size * 3).fill(index);
  },
}));

const { decodeBatches } = await import("./batches");

describe("decodeBatches streaming", () => {
  it("keeps at most `concurrency` decodes in flight and reads ahead only that far", async () => {
    const entries: ImageEntry[] = Array.from({ length: 100 }, (_, i) => ({ file: `${i}`, absPath: `/x/${i}`, label: 0 }));
    const generator = decodeBatches(entries, { size: 2, batchSize: 8, concurrency: 4 });
    const first = await generator.next();
    expect(first.done).toBe(false);
    // One batch of 8 plus at most 4 read-ahead, never the whole list.
    expect(stats.started).toBeLessThanOrEqual(8 + 4);
    const order: number[] = [];
    if (!first.done) order.push(...Array.from({ length: 8 }, (_, j) => first.value.pixels[j * 12] as number));
    for await (const batch of generator) order.push(...batch.entries.map((_, j) => batch.pixels[j * 12] as number));
    expect(order).toEqual(entries.map((_, i) => i));
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.maxInFlight).toBeGreaterThan(1);
  });
});
