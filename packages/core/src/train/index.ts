/** Training: config defaults/validation and the `train()` run. */
export { train, type TrainOptions } from "./train";
export { defaultTrainConfig, validateTrainConfig, DEFAULT_TRAIN_CONFIG } from "./config";
