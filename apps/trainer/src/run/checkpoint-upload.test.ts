import { describe, expect, it } from "vitest";
import { ModelFilesError } from "../files/model-files";
import { uploadDelivered } from "./checkpoint-upload";

const result = (dir: string | null) => ({
  delivered: { epoch: 3, phase: "head" as const, choice: "best_val_loss" as const, valLoss: 0.2, valAccuracy: 0.9, dir },
  datasetSha256: "d".repeat(64),
});
const holder = { runId: "r1", agentId: "a1", attempt: 2 };

describe("uploadDelivered", () => {
  it("sends the delivered folder with the holder and the dataset hash, and says what was stored", async () => {
    const calls: unknown[] = [];
    const note = await uploadDelivered(
      {
        uploadCheckpoint: async (...args) => {
          calls.push(args);
          return { weightsSha256: "abcdef0123456789".repeat(4), bytes: 2_500_000 };
        },
      },
      result("/tmp/out/best"),
      holder,
    );
    expect(calls).toEqual([["r1", "/tmp/out/best", { agentId: "a1", attempt: 2, datasetSha256: "d".repeat(64) }]]);
    expect(note).toBe("checkpoint uploaded (epoch 3, 2.5 MB, weights sha256 abcdef012345)");
  });

  it("retries what may pass later, not what the API refused, and never throws", async () => {
    let tries = 0;
    const flaky = {
      uploadCheckpoint: async () => {
        tries++;
        if (tries < 3) throw new ModelFilesError("HTTP 503 STORAGE_UNAVAILABLE: disk full", 503, "STORAGE_UNAVAILABLE", true);
        return { weightsSha256: "0".repeat(64), bytes: 10 };
      },
    };
    expect(await uploadDelivered(flaky, result("/d"), holder, [0, 0])).toMatch(/^checkpoint uploaded/);
    expect(tries).toBe(3);

    tries = 0;
    const refused = {
      uploadCheckpoint: async () => {
        tries++;
        throw new ModelFilesError("HTTP 409 CONFLICT: claimed again", 409, "CONFLICT", false);
      },
    };
    expect(await uploadDelivered(refused, result("/d"), holder, [0, 0])).toBe(
      "checkpoint not uploaded (HTTP 409 CONFLICT: claimed again); it stays on this machine in /d",
    );
    expect(tries).toBe(1);

    const down = {
      uploadCheckpoint: async () => {
        throw new ModelFilesError("unreachable", null, null, true);
      },
    };
    expect(await uploadDelivered(down, result("/d"), holder, [0, 0])).toMatch(/^checkpoint not uploaded \(unreachable\)/);
    expect(await uploadDelivered(down, result(null), holder, [0, 0])).toBe("checkpoint not uploaded: training saved no delivered model");
  });
});
