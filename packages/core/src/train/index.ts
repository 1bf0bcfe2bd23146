/** Training: config defaults/validation and the `train()` run. */
export { train } from "./train";
export type { TrainOptions } from "../types";
export { defaultTrainConfig, validateTrainConfig, DEFAULT_TRAIN_CONFIG } from "./config";
