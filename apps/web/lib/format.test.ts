import { describe, expect, it } from "vitest";
import { baseWeightsDisplay, fineTuneDepthDisplay } from "./format";

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

describe("fineTuneDepthDisplay", () => {
  it("shows both numbers when the depth was rounded up to a block boundary", () => {
    expect(fineTuneDepthDisplay(12, 20)).toBe("12 requested → 20 unfrozen (block boundary)");
  });

  it("shows one number when nothing was rounded, none without fine-tuning, and the request alone when unknown", () => {
    expect(fineTuneDepthDisplay(12, 12)).toBe("12 layers");
    expect(fineTuneDepthDisplay(0, 0)).toBe("none (head only)");
    expect(fineTuneDepthDisplay(300, null)).toBe("300 requested (rounded up to a block boundary of the loaded model)");
  });
});
