import { describe, expect, it } from "vitest";
import { heatmapRgba, rampColour, rgbToRgba } from "./colormap";

describe("heatmap overlay", () => {
  it("ramps cold to hot and clamps what is out of range", () => {
    expect(rampColour(0)).toEqual([48, 18, 180]);
    expect(rampColour(1)).toEqual([220, 30, 30]);
    expect(rampColour(-3)).toEqual(rampColour(0));
    expect(rampColour(Number.NaN)).toEqual(rampColour(0));
    expect(rampColour(7)).toEqual(rampColour(1));
  });

  it("upsamples the grid so each photo quadrant takes its cell's value, and alpha follows value and opacity", () => {
    const heatmap = [
      [1, 0],
      [0, 0],
    ];
    const rgba = heatmapRgba(heatmap, 8, 8, 0.5);
    const at = (x: number, y: number) => Array.from(rgba.slice((y * 8 + x) * 4, (y * 8 + x) * 4 + 4));
    expect(at(0, 0)).toEqual([220, 30, 30, 128]); // the hot cell's corner, alpha 0.5 × 1
    expect(at(7, 7)).toEqual([48, 18, 180, 32]); // a cold corner, alpha 0.5 × 0.25
    expect((at(3, 3)[3] as number) > (at(4, 4)[3] as number)).toBe(true); // falls off toward the cold cells
    expect(heatmapRgba([], 2, 2, 1).every((v) => v === 0)).toBe(true);
  });

  it("spreads RGB into opaque RGBA", () => {
    expect(Array.from(rgbToRgba(Uint8Array.from([1, 2, 3, 4, 5, 6]), 2, 1))).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  });
});
