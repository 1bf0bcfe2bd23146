/**
 * A pool of worker threads that run the frozen part of the base (pooled features or the
 * fine-tuning boundary map) off the main thread. TF.js wasm runs single-threaded in Node, so N
 * workers with N wasm instances use N cores where the main thread uses one.
 */
import { Worker } from "node:worker_threads";
import { BadInputError, GraftError, type GraftErrorCode } from "../../errors";
import { MAX_WORKERS } from "./count";
import type { ComputeRequest, FrozenOutput, SerializedError, WorkerMessage, WorkerSetup } from "./protocol";

/** Options of {@link FrozenPartPool.start}: the workers' setup and how many to start. */
export interface FrozenPartPoolOptions extends WorkerSetup {
  /** Number of worker threads, 1 to 64. */
  workers: number;
}

/** A pool's answer to one {@link FrozenPartPool.run}: row-major values and their shape `[n, ...item]`. */
export interface FrozenPartResult {
  values: Float32Array;
  shape: number[];
}

/**
 * A frozen-part function computed off the main thread: what `extractFeatures` and
 * `augmentedSource` take instead of `compute` (see {@link FrozenPartPool.bind}).
 */
export interface PooledCompute {
  /** Worker threads behind it: how many batches a caller should keep in flight. */
  workers: number;
  /** Output for `n` preprocessed images (float32 [n, s, s, 3]); resolves in call order. */
  run(pixels: Float32Array, n: number): Promise<FrozenPartResult>;
}

interface Task {
  output: FrozenOutput;
  n: number;
  pixels: Float32Array;
  resolve: (r: FrozenPartResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  index: number;
  worker: Worker;
  busy: Task | null;
}

const GRAFT_CODES: readonly string[] = ["BAD_INPUT", "NOT_FOUND", "CHECKSUM_MISMATCH", "UNSUPPORTED", "FAILURE"];

let running = 0;

/** Worker threads started by pools that have not exited yet (what tests check after a failure). */
export function runningPoolWorkers(): number {
  return running;
}

/** The error a caller sees: names the worker and keeps the cause's message and GraftError code. */
function workerError(what: string, cause: SerializedError): Error {
  const message = `${what}: ${cause.message}`;
  if (cause.code === "BAD_INPUT") return new BadInputError(message);
  return cause.code !== undefined && GRAFT_CODES.includes(cause.code)
    ? new GraftError(cause.code as GraftErrorCode, message)
    : new Error(message);
}

/** Near-equal contiguous chunk sizes, so a single batch keeps every worker busy. */
function chunkSizes(n: number, parts: number): number[] {
  const k = Math.max(1, Math.min(parts, n));
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

/**
 * N worker threads, each with its own backend and its own copy of the base, that compute the
 * frozen part for preprocessed pixels. At most one request is in flight per worker; a batch is
 * split across the workers and put back together in order; results come back in request order.
 * A worker that fails rejects its request (and, if the thread died, every pending one) with an
 * error naming the worker and the cause. {@link dispose} terminates the threads.
 */
export class FrozenPartPool {
  readonly size: number;
  /** Side of the square input the workers' base takes. */
  readonly inputSize: number;
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private tail: Promise<unknown> = Promise.resolve();
  private broken: Error | null = null;
  private disposing: Promise<void> | null = null;

  private constructor(slots: Slot[], inputSize: number) {
    this.slots = slots;
    this.size = slots.length;
    this.inputSize = inputSize;
    for (const slot of slots) {
      slot.worker.on("message", (m: WorkerMessage) => this.onMessage(slot, m));
      slot.worker.on("error", (e: Error) => this.fail(slot, { name: e.name, message: e.message }));
      slot.worker.on("exit", (code) => this.fail(slot, { name: "Error", message: `exited with code ${code}` }));
    }
  }

  /**
   * Starts `options.workers` threads and resolves once every one has loaded the base. If any
   * fails to start, all are terminated and the promise rejects with the first failure's cause
   * (a GraftError keeps its code, so a bad weights path is still a BAD_INPUT error).
   */
  static async start(options: FrozenPartPoolOptions): Promise<FrozenPartPool> {
    const { workers: count, ...setup } = options;
    if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS) {
      throw new BadInputError(`FrozenPartPool: workers must be an integer in [1, ${MAX_WORKERS}], received ${JSON.stringify(count)}`);
    }
    const url = new URL("./worker.mjs", import.meta.url);
    const slots: Slot[] = [];
    const ready: Promise<number>[] = [];
    const cleanups: (() => void)[] = [];
    for (let index = 0; index < count; index++) {
      const worker = new Worker(url, { workerData: setup });
      running++;
      worker.once("exit", () => running--);
      slots.push({ index, worker, busy: null });
      const what = `frozen-part worker ${index + 1}/${count} failed to start`;
      ready.push(
        new Promise<number>((resolve, reject) => {
          const onMessage = (m: WorkerMessage): void => {
            if (m.type === "ready") resolve(m.inputSize);
            else if (m.type === "error") reject(workerError(what, m.error));
          };
          const onError = (e: Error): void => reject(workerError(what, { name: e.name, message: e.message }));
          const onExit = (code: number): void => reject(new Error(`${what}: exited with code ${code}`));
          worker.on("message", onMessage).once("error", onError).once("exit", onExit);
          const off = (): void => void worker.off("message", onMessage).off("error", onError).off("exit", onExit);
          cleanups.push(off);
        }),
      );
    }
    const settled = await Promise.allSettled(ready);
    for (const off of cleanups) off();
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed !== undefined) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw failed.reason;
    }
    return new FrozenPartPool(slots, (settled[0] as PromiseFulfilledResult<number>).value);
  }

  /**
   * The frozen part's output for `n` preprocessed images (`pixels`: float32 [n, s, s, 3], copied,
   * so the caller keeps it). The images are split across the workers; the promise resolves after
   * every earlier request's.
   */
  run(output: FrozenOutput, pixels: Float32Array, n: number): Promise<FrozenPartResult> {
    const imageSize = this.inputSize * this.inputSize * 3;
    if (!Number.isInteger(n) || n < 1 || pixels.length !== n * imageSize) {
      return Promise.reject(
        new BadInputError(
          `FrozenPartPool.run: expected ${JSON.stringify(n)} images of ${this.inputSize}×${this.inputSize}×3 floats, received ${pixels.length} values`,
        ),
      );
    }
    const chunks: Promise<FrozenPartResult>[] = [];
    let begin = 0;
    for (const k of chunkSizes(n, this.size)) {
      const slice = pixels.slice(begin * imageSize, (begin + k) * imageSize);
      begin += k;
      chunks.push(new Promise<FrozenPartResult>((resolve, reject) => this.queue.push({ output, n: k, pixels: slice, resolve, reject })));
    }
    this.pump();
    const done = Promise.all(chunks).then((parts) => {
      const first = parts[0] as FrozenPartResult;
      if (parts.length === 1) return first;
      const itemShape = first.shape.slice(1);
      const values = new Float32Array(parts.reduce((a, p) => a + p.values.length, 0));
      let offset = 0;
      for (const p of parts) {
        values.set(p.values, offset);
        offset += p.values.length;
      }
      return { values, shape: [n, ...itemShape] };
    });
    const ordered = this.tail.then(
      () => done,
      () => done,
    );
    this.tail = ordered.catch(() => undefined);
    return ordered;
  }

  /** This pool fixed to one output, in the shape `extractFeatures` and `augmentedSource` take. */
  bind(output: FrozenOutput): PooledCompute {
    return { workers: this.size, run: (pixels, n) => this.run(output, pixels, n) };
  }

  /** Terminates the workers; pending requests reject. Safe to call more than once. */
  dispose(): Promise<void> {
    if (this.disposing === null) {
      this.broken ??= new Error("FrozenPartPool was disposed");
      this.rejectPending(this.broken);
      this.disposing = Promise.all(this.slots.map((s) => s.worker.terminate())).then(() => undefined);
    }
    return this.disposing;
  }

  private pump(): void {
    if (this.broken !== null) {
      this.rejectPending(this.broken);
      return;
    }
    for (const slot of this.slots) {
      if (slot.busy !== null) continue;
      const task = this.queue.shift();
      if (task === undefined) return;
      slot.busy = task;
      const buffer = task.pixels.buffer as ArrayBuffer;
      const request: ComputeRequest = { id: this.nextId++, output: task.output, n: task.n, pixels: buffer };
      slot.worker.postMessage(request, [buffer]);
    }
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    const task = slot.busy;
    if (task === null || m.type === "ready") return;
    slot.busy = null;
    if (m.type === "result") task.resolve({ values: new Float32Array(m.values), shape: m.shape });
    else task.reject(workerError(`frozen-part worker ${slot.index + 1}/${this.size} failed`, m.error));
    this.pump();
  }

  /** A thread died (uncaught error or exit): the pool cannot keep request order any more. */
  private fail(slot: Slot, cause: SerializedError): void {
    if (this.disposing !== null) return;
    const error = workerError(`frozen-part worker ${slot.index + 1}/${this.size} failed`, cause);
    this.broken ??= error;
    slot.busy?.reject(error);
    slot.busy = null;
    void this.dispose();
  }

  private rejectPending(error: Error): void {
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const slot of this.slots) {
      slot.busy?.reject(error);
      slot.busy = null;
    }
  }
}
