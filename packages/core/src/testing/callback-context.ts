/**
 * Test support: a fake TrainingContext and a loop that drives callbacks like the engine does.
 * Not used by the product.
 */
import { CallbackList, type Callback, type EpochLogs, type TrainingContext } from "../callbacks/callback";

/** A context whose "weights" are the tag of the epoch that produced them (`w0`, `w1`, ...). */
export class FakeContext implements TrainingContext {
  stopTraining = false;
  lr: number;
  weights = "init";
  readonly restored: string[] = [];
  readonly disposed: string[] = [];
  readonly saves: string[] = [];
  readonly lrSets: number[] = [];
  snapshotsTaken = 0;

  constructor(lr = 0.1) {
    this.lr = lr;
  }

  getLearningRate(): number {
    return this.lr;
  }

  setLearningRate(lr: number): void {
    this.lr = lr;
    this.lrSets.push(lr);
  }

  getWeights(): unknown {
    this.snapshotsTaken++;
    return this.weights;
  }

  setWeights(snapshot: unknown): void {
    this.weights = snapshot as string;
    this.restored.push(snapshot as string);
  }

  disposeWeights(snapshot: unknown): void {
    this.disposed.push(snapshot as string);
  }

  async save(dir: string): Promise<void> {
    this.saves.push(`${dir}@${this.weights}`);
  }
}

/**
 * Runs epochs with the given logs until the list ends or a callback sets `stopTraining`. Returns
 * the logs of each epoch run (as mutated by callbacks) and the context.
 */
export async function runEpochs(
  callbacks: Callback[],
  logsPerEpoch: EpochLogs[],
  ctx = new FakeContext(),
): Promise<{ ctx: FakeContext; logs: EpochLogs[] }> {
  const list = new CallbackList(callbacks);
  list.setContext(ctx);
  await list.onTrainBegin();
  const seen: EpochLogs[] = [];
  for (const [epoch, logs] of logsPerEpoch.entries()) {
    await list.onEpochBegin(epoch);
    ctx.weights = `w${epoch}`;
    const copy = { ...logs };
    await list.onEpochEnd(epoch, copy);
    seen.push(copy);
    if (ctx.stopTraining) break;
  }
  await list.onTrainEnd();
  return { ctx, logs: seen };
}

/** `[1, 2]` → `[{ val_loss: 1 }, { val_loss: 2 }]` (or another key). */
export const series = (values: (number | null)[], key = "val_loss"): EpochLogs[] => values.map((v) => ({ [key]: v }));
