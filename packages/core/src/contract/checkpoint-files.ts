/**
 * The files of a checkpoint folder as core writes it (`saveClassifier`): the TF.js LayersModel, its
 * class names in output order, and how pixels are prepared. The API checks uploads against this
 * list and agents send and fetch exactly these.
 */
export const CHECKPOINT_FILES = ["model.json", "weights.bin", "labels.json", "preprocessing.json"] as const;

/** One of {@link CHECKPOINT_FILES}. */
export type CheckpointFileName = (typeof CHECKPOINT_FILES)[number];
