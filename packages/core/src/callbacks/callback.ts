/**
 * Keras-style training callbacks, decoupled from tf.LayersModel: the engine's training loop hands
 * them a {@link TrainingContext} and calls the hooks, so they can be tested with plain numbers.
 */

/** Per-epoch values: `loss`, `accuracy`, `val_loss`, `val_accuracy`, `lr`, `learning_rate`... */
export type EpochLogs = Record<string, number | null>;

/** What a callback may read and steer in the running training. Implemented by the engine. */
export interface TrainingContext {
  getLearningRate(): number;
  setLearningRate(lr: number): void;
  /** Snapshot of the trainable weights (engine-owned copies; callback may keep them). */
  getWeights(): unknown;
  setWeights(snapshot: unknown): void;
  /** Frees a snapshot the callback no longer needs (e.g. tensors); optional. */
  disposeWeights?(snapshot: unknown): void;
  /** Save the current model (TF.js format, with labels.json) into dir. */
  save(dir: string): Promise<void>;
  /** Set to true by a callback to end training after the current epoch. */
  stopTraining: boolean;
}

/** Base class: every hook is a no-op, subclasses override what they need. */
export abstract class Callback {
  protected ctx!: TrainingContext;

  /** Called by the engine (through {@link CallbackList}) before training starts. */
  setContext(ctx: TrainingContext): void {
    this.ctx = ctx;
  }

  onTrainBegin(_logs?: EpochLogs): Promise<void> | void {}
  /** `epoch` is 0-based, as in Keras. */
  onEpochBegin(_epoch: number, _logs?: EpochLogs): Promise<void> | void {}
  /** `logs` may be modified in place (ReduceLROnPlateau adds `learning_rate`, as Keras does). */
  onEpochEnd(_epoch: number, _logs: EpochLogs): Promise<void> | void {}
  onTrainEnd(_logs?: EpochLogs): Promise<void> | void {}
}

/** Runs callbacks in order, awaiting each one before the next. */
export class CallbackList {
  readonly callbacks: readonly Callback[];

  constructor(callbacks: readonly Callback[]) {
    this.callbacks = [...callbacks];
  }

  setContext(ctx: TrainingContext): void {
    for (const cb of this.callbacks) cb.setContext(ctx);
  }

  async onTrainBegin(logs?: EpochLogs): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainBegin(logs);
  }

  async onEpochBegin(epoch: number, logs?: EpochLogs): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochBegin(epoch, logs);
  }

  async onEpochEnd(epoch: number, logs: EpochLogs): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochEnd(epoch, logs);
  }

  async onTrainEnd(logs?: EpochLogs): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainEnd(logs);
  }
}

/** Hooks for {@link LambdaCallback}; each is optional. */
export interface LambdaHooks {
  onTrainBegin?: (logs?: EpochLogs) => Promise<void> | void;
  onEpochBegin?: (epoch: number, logs?: EpochLogs) => Promise<void> | void;
  onEpochEnd?: (epoch: number, logs: EpochLogs) => Promise<void> | void;
  onTrainEnd?: (logs?: EpochLogs) => Promise<void> | void;
}

/** A callback made of plain functions (Keras `LambdaCallback`), e.g. to emit EpochRecords. */
export class LambdaCallback extends Callback {
  constructor(private readonly hooks: LambdaHooks) {
    super();
  }

  override onTrainBegin(logs?: EpochLogs): Promise<void> | void {
    return this.hooks.onTrainBegin?.(logs);
  }

  override onEpochBegin(epoch: number, logs?: EpochLogs): Promise<void> | void {
    return this.hooks.onEpochBegin?.(epoch, logs);
  }

  override onEpochEnd(epoch: number, logs: EpochLogs): Promise<void> | void {
    return this.hooks.onEpochEnd?.(epoch, logs);
  }

  override onTrainEnd(logs?: EpochLogs): Promise<void> | void {
    return this.hooks.onTrainEnd?.(logs);
  }
}
