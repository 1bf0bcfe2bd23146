import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "./use-coalesced";

describe("coalesce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once per burst, ms after its first call", () => {
    const fn = vi.fn();
    const call = coalesce(fn, 500);
    call();
    call();
    vi.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    call();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("keeps firing under a steady stream of calls (where a debounce would wait for quiet)", () => {
    const fn = vi.fn();
    const call = coalesce(fn, 500);
    // One event every 100 ms for 3 s.
    for (let t = 0; t < 3000; t += 100) {
      call();
      vi.advanceTimersByTime(100);
    }
    expect(fn).toHaveBeenCalledTimes(6);
  });

  it("does nothing after cancel", () => {
    const fn = vi.fn();
    const call = coalesce(fn, 500);
    call();
    call.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    call();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
