import { describe, expect, it } from "vitest";
import { baseWeightsDisplay } from "./format";

describe("baseWeightsDisplay", () => {
  it("says the base kept its own weights when the run names no file", () => {
    expect(baseWeightsDisplay(null, null)).toEqual({ text: "ImageNet (the model's own)", title: null });
    expect(baseWeightsDisplay(undefined, undefined)).toEqual({ text: "ImageNet (the model's own)", title: null });
  });

  it("shows the file name, with the full path and the first 12 hex of the sha256 in the tooltip", () => {
    const sha = "0123456789abcdef".repeat(4);
    expect(baseWeightsDisplay("/home/ana/weights/mobilenet_2_5_224_tf_no_top.h5", sha)).toEqual({
      text: "mobilenet_2_5_224_tf_no_top.h5",
      title: "/home/ana/weights/mobilenet_2_5_224_tf_no_top.h5 · sha256 0123456789ab…",
    });
    // A path from a Windows agent machine.
    expect(baseWeightsDisplay("C:\\models\\no_top.h5", sha).text).toBe("no_top.h5");
  });
});
