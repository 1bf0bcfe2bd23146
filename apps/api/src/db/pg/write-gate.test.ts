import { describe, expect, it } from "vitest";
import { WriteGate } from "./write-gate";

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("WriteGate", () => {
  it("admits shared holders side by side up to its cap, and the next when one leaves", async () => {
    const gate = new WriteGate(2);
    const first = await gate.acquire(false);
    await gate.acquire(false);
    let third = false;
    void gate.acquire(false).then(() => (third = true));
    await settle();
    expect(third).toBe(false);
    expect(gate.holders).toEqual({ shared: 2, exclusive: false });
    first();
    await settle();
    expect(third).toBe(true);
    expect(gate.holders).toEqual({ shared: 2, exclusive: false });
  });

  it("lets an exclusive holder in alone, after the shared ones before it and before those after it", async () => {
    const gate = new WriteGate(4);
    const order: string[] = [];
    const shared = await gate.acquire(false);
    const exclusive = gate.acquire(true).then((release) => (order.push("exclusive"), release));
    // Arrives while the exclusive one waits: waits behind it although a shared slot is free.
    const later = gate.acquire(false).then((release) => (order.push("later shared"), release));
    await settle();
    expect(order).toEqual([]);
    shared();
    const releaseExclusive = await exclusive;
    await settle();
    expect(order).toEqual(["exclusive"]);
    expect(gate.holders).toEqual({ shared: 0, exclusive: true });
    releaseExclusive();
    (await later)();
    expect(order).toEqual(["exclusive", "later shared"]);
    expect(gate.holders).toEqual({ shared: 0, exclusive: false });
  });

  it("holds an exclusive holder until every shared one has left, then lets the shared waiters in together", async () => {
    const gate = new WriteGate(3);
    const shared = [await gate.acquire(false), await gate.acquire(false)];
    let exclusiveIn = false;
    const exclusive = gate.acquire(true).then((release) => ((exclusiveIn = true), release));
    const waiters = [gate.acquire(false), gate.acquire(false), gate.acquire(false)];
    shared[0]?.();
    await settle();
    expect(exclusiveIn).toBe(false);
    shared[1]?.();
    (await exclusive)();
    await Promise.all(waiters);
    expect(gate.holders).toEqual({ shared: 3, exclusive: false });
  });

  it("counts a release once, however often it is called", async () => {
    const gate = new WriteGate(1);
    const release = await gate.acquire(false);
    release();
    release();
    expect(gate.holders).toEqual({ shared: 0, exclusive: false });
    await gate.acquire(false);
    expect(gate.holders).toEqual({ shared: 1, exclusive: false });
  });

  it("refuses a cap that admits nobody, quoting it", () => {
    expect(() => new WriteGate(0)).toThrow("maxShared must be a positive integer; got 0");
  });
});
