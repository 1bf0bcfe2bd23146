import { afterEach, describe, expect, it, vi } from "vitest";
import type { CreateSweepInput } from "../gql/graphql";
import { GraphQLRequestError, type gql } from "./graphql-client";
import { createSweepOnce, isRetryableLaunchError, LaunchKeys, navigateWithFallback } from "./launch-sweep";

const input: Omit<CreateSweepInput, "idempotencyKey"> = {
  experimentId: "e1",
  datasetId: "d1",
  searchSpace: { baseModels: ["m"], headUnits: [[32]], learningRates: [0.001] },
  epochs: 2,
};

/** A stand-in for gql that plays `answers` in order and records the variables it was sent. */
function scripted(answers: Array<() => unknown>) {
  const sent: Array<Record<string, unknown>> = [];
  const request = (async (_doc: unknown, variables: Record<string, unknown>) => {
    sent.push(variables);
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  }) as unknown as typeof gql;
  return { request, sent };
}

const timeout = () => Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });

describe("createSweepOnce", () => {
  it("retries a lost answer with the same key, so the API can hand back the sweep it made", async () => {
    const { request, sent } = scripted([
      () => {
        throw timeout();
      },
      () => ({ createSweep: { id: "s1" } }),
    ]);
    await expect(createSweepOnce(input, "key-1", { request })).resolves.toEqual({ id: "s1" });
    expect(sent.map((v) => (v.input as { idempotencyKey: string }).idempotencyKey)).toEqual(["key-1", "key-1"]);
  });

  it("does not retry what the API refused, and says so as the API did", async () => {
    const { request, sent } = scripted([
      () => {
        throw new GraphQLRequestError(["epochs must be at least 1"], 400);
      },
    ]);
    await expect(createSweepOnce(input, "key-2", { request })).rejects.toThrow("epochs must be at least 1");
    expect(sent).toHaveLength(1);
  });

  it("gives up after its attempts with a message that a new launch is safe", async () => {
    const { request } = scripted([
      () => {
        throw timeout();
      },
      () => {
        throw timeout();
      },
    ]);
    await expect(createSweepOnce(input, "key-3", { request, timeoutMs: 1000 })).rejects.toThrow(
      /did not answer within 1 s \(tried 2 times\).*not created twice/,
    );
  });
});

describe("isRetryableLaunchError", () => {
  it("retries network failures and the proxy's 502/503/504, nothing else", () => {
    expect(isRetryableLaunchError(new GraphQLRequestError(["Network error: failed to fetch"]))).toBe(true);
    expect(isRetryableLaunchError(new GraphQLRequestError(["not reachable"], 502))).toBe(true);
    expect(isRetryableLaunchError(new GraphQLRequestError(["storage full"], 503))).toBe(true);
    expect(isRetryableLaunchError(new GraphQLRequestError(["bad"], 400))).toBe(false);
    expect(isRetryableLaunchError(new GraphQLRequestError(["conflict"], 200))).toBe(false);
  });
});

describe("LaunchKeys", () => {
  it("keeps one key while the form describes the same sweep, and makes a new one when it changes or after a launch", () => {
    let n = 0;
    const keys = new LaunchKeys(() => `k${++n}`);
    expect(keys.keyFor(input)).toBe("k1");
    expect(keys.keyFor({ ...input })).toBe("k1");
    expect(keys.keyFor({ ...input, epochs: 3 })).toBe("k2");
    keys.reset();
    expect(keys.keyFor({ ...input, epochs: 3 })).toBe("k3");
  });
});

describe("navigateWithFallback", () => {
  afterEach(() => vi.useRealTimers());

  it("loads the page in full when the soft navigation has not arrived in time", () => {
    vi.useFakeTimers();
    const location = { pathname: "/sweeps/new", assign: vi.fn() };
    const push = vi.fn();
    navigateWithFallback("/sweeps/s1", push, location, 4000);
    expect(push).toHaveBeenCalledWith("/sweeps/s1");
    vi.advanceTimersByTime(3999);
    expect(location.assign).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(location.assign).toHaveBeenCalledWith("/sweeps/s1");
  });

  it("leaves a soft navigation that arrived alone", () => {
    vi.useFakeTimers();
    const location = { pathname: "/sweeps/new", assign: vi.fn() };
    navigateWithFallback("/sweeps/s1", () => (location.pathname = "/sweeps/s1"), location, 4000);
    vi.advanceTimersByTime(10_000);
    expect(location.assign).not.toHaveBeenCalled();
  });
});
