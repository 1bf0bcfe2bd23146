/**
 * Data augmentation: seeded per-image augmentation of a batch. The ops and presets, and their
 * parsing (`parseOps`/`formatOps`), are the catalogue's (`../contract`).
 */
export { AUGMENTATION_OPS, AUGMENTATION_PRESETS } from "../contract";
export { augmentBatch, drawImageParams, affineRow, type AugmentOptions, type ImageParams } from "./augment";
