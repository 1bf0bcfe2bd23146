/**
 * Data augmentation: spec parsing/presets, and seeded per-image augmentation of a batch.
 */
export { AUGMENTATION_OPS, AUGMENTATION_PRESETS, parseAugmentation, formatAugmentation } from "./ops";
export { augmentBatch, drawImageParams, affineRow, type AugmentOptions, type ImageParams } from "./augment";
