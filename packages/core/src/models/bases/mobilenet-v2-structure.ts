/**
 * The fine-tune structure every Keras `MobileNetV2(include_top=False)` shares: the width multiplier
 * α changes channel counts only, never the layers (155 from `input_1` to `out_relu`, the same names
 * and wiring at α = 0.35, 0.50, 0.75 and 1.00). Measured on the 0.35 copy in the shared models folder
 * (fine-tune-structure.test.ts checks it against the loaded graph).
 */
export const MOBILENET_V2_STRUCTURE = {
  /** Layers up to `out_relu`, InputLayer excluded. */
  baseLayerCount: 154,
  /** Where core can cut: after `out_relu` (3), then each inverted-residual block's folded groups; a block with a residual add is only cut whole. */
  fineTuneDepths: [
    3, 5, 8, 11, 20, 29, 31, 34, 35, 38, 47, 56, 58, 61, 64, 73, 82, 91, 93, 96, 97, 100, 109, 118, 120, 123, 124, 127, 136, 138, 141, 142,
    145, 147, 150, 153, 154,
  ],
} as const;
