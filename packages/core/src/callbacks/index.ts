/**
 * Keras-semantics training callbacks, driven by the engine's loop through a TrainingContext.
 */
export { Callback, CallbackList, LambdaCallback, type EpochLogs, type LambdaHooks, type TrainingContext } from "./callback";
export { EarlyStopping, type EarlyStoppingOptions } from "./early-stopping";
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "./reduce-lr";
export { ModelCheckpoint, type ModelCheckpointOptions } from "./model-checkpoint";
export { MonitorCallback, type MonitorCallbackOptions } from "./monitor-callback";
export { KNOWN_METRIC_DIRECTIONS, knownDirection, resolveMode, type MonitorDirection, type MonitorMode, type WarnFn } from "./monitor";
