import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { operationName, TransportError } from "../graphql/client";
import type { RequestClient } from "../reporter/reporter";
import { evaluateOneQueued, type TestSetJobDeps } from "./test-set-jobs";

const JOB = { id: "e1", runId: "r1", datasetId: "d1", datasetPath: "/data/field", attempt: 1 };
const REPORT = {
  labels: ["a", "b"],
  confusionMatrix: [
    [2, 0],
    [1, 1],
  ],
  perClass: [
    { label: "a", precision: 2 / 3, recall: 1, f1: 0.8, support: 2 },
    { label: "b", precision: 1, recall: 0.5, f1: 2 / 3, support: 2 },
  ],
  accuracy: 0.75,
  macroF1: 0.733,
  weightedF1: 0.733,
  misclassified: [],
};

let cache: string;
const caches: string[] = [];
afterEach(() => caches.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A client answering by operation name; `fail` throws for the named operation's first `times` calls. */
function client(calls: string[], fail: { op: string; times: number; error: Error } | null = null): RequestClient {
  let failures = 0;
  return {
    request: (async (document: Parameters<RequestClient["request"]>[0]) => {
      const name = operationName(document);
      calls.push(name);
      if (fail && name === fail.op && failures < fail.times) {
        failures++;
        throw fail.error;
      }
      if (name === "ClaimEvaluation") return { claimEvaluation: JOB };
      return { [name === "CompleteEvaluation" ? "completeEvaluation" : "failEvaluation"]: { id: JOB.id, status: "X" } };
    }) as RequestClient["request"],
  };
}

function deps(calls: string[], overrides: Partial<TestSetJobDeps> = {}): TestSetJobDeps {
  cache = mkdtempSync(path.join(os.tmpdir(), "graft-jobs-"));
  caches.push(cache);
  return {
    client: client(calls),
    files: { downloadCheckpoint: async (_run, dir) => writeFileSync(path.join(dir, "model.json"), "{}") },
    engine: { evaluateCheckpoint: async () => REPORT },
    agentId: "a1",
    cacheDir: cache,
    log: () => undefined,
    retryDelaysMs: [0, 0],
    ...overrides,
  };
}

describe("evaluateOneQueued", () => {
  it("downloads into a folder of its own, reports, and removes the folder", async () => {
    const calls: string[] = [];
    let seenDir = "";
    const d = deps(calls, {
      engine: {
        evaluateCheckpoint: async ({ modelDir }) => {
          seenDir = modelDir;
          expect(existsSync(path.join(modelDir, "model.json"))).toBe(true);
          return REPORT;
        },
      },
    });
    expect(await evaluateOneQueued(d)).toBe(true);
    expect(calls).toEqual(["ClaimEvaluation", "CompleteEvaluation"]);
    expect(path.dirname(seenDir)).toBe(path.join(cache, "models"));
    expect(readdirSync(path.join(cache, "models"))).toEqual([]);
  });

  it("fails the evaluation when the model or the data cannot be read, and retries a report the network dropped", async () => {
    const failing: string[] = [];
    const broken = deps(failing, {
      engine: {
        evaluateCheckpoint: async () => {
          throw new Error("Cannot decode image field/a/1.jpg\nstack");
        },
      },
    });
    expect(await evaluateOneQueued(broken)).toBe(true);
    expect(failing).toEqual(["ClaimEvaluation", "FailEvaluation"]);

    const flaky: string[] = [];
    const d = deps(flaky);
    d.client = client(flaky, { op: "CompleteEvaluation", times: 2, error: new TransportError("fetch failed") });
    expect(await evaluateOneQueued(d)).toBe(true);
    expect(flaky).toEqual(["ClaimEvaluation", "CompleteEvaluation", "CompleteEvaluation", "CompleteEvaluation"]);
  });
});
