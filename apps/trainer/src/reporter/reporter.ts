/**
 * The epoch reporter shared by `graft agent` and `graft train --api`. Every epoch, the completion and
 * a failure are first appended to the run's on-disk {@link Journal} (fsync'd), then sent to the API in
 * order: epochs in batches (every `flushEvery` epochs or `flushIntervalMs`), retried with exponential
 * backoff + jitter while the API is unreachable. An entry leaves the journal only once the API has
 * acknowledged it, and `logEpochs` is idempotent per (run, epoch), so a batch whose answer was lost and
 * is sent again never duplicates. Training never waits on the network: `logEpoch` returns once the
 * record is on disk.
 */
import { isRetryable } from "../graphql/client";
import { COMPLETE_RUN, FAIL_RUN, LOG_EPOCHS } from "../graphql/operations";
import type { CompleteRunInput, EpochInput, RunControl } from "../graphql/types";
import type { GraphQLClient } from "../graphql/client";
import { backoffDelay, sleep, type BackoffOptions } from "./backoff";
import { Journal, listJournals, type JournalEntry, type JournalPayload } from "./journal";

/** The part of {@link GraphQLClient} the reporter uses (a fake in tests). */
export type RequestClient = Pick<GraphQLClient, "request">;

/** Settings of a {@link RunReporter}. */
export interface ReporterOptions {
  client: RequestClient;
  runId: string;
  agentId: string | null;
  /** Directory of the journals, `<cacheDir>/journal`. */
  journalDir: string;
  /** Send as soon as this many epochs wait (default 5). */
  flushEvery?: number;
  /** Send waiting epochs at the latest after this many ms (default 2 000). */
  flushIntervalMs?: number;
  /** Largest number of epochs in one logEpochs call (default 50). */
  maxBatch?: number;
  backoff?: BackoffOptions;
  /** Called with each RunControl the API sends back (stop requests). */
  onControl?: (control: RunControl) => void;
  /** Diagnostics (retries, rejections); defaults to silence. */
  log?: (message: string) => void;
}

/** Thrown by {@link RunReporter.open} when another live process holds the run's journal. */
export class JournalBusyError extends Error {
  constructor(runId: string, dir: string) {
    super(`The journal of run "${runId}" in ${dir} is held by another live process`);
    this.name = "JournalBusyError";
  }
}

/** Delivers one run's epochs and outcome to the API through the journal. */
export class RunReporter {
  readonly runId: string;
  private readonly options: ReporterOptions;
  private readonly journal: Journal;
  private readonly queue: JournalEntry[];
  private pumping: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();
  private terminalDelivered = false;
  private closed = false;
  /** The last error the API answered with (not a transport error): the entry was dropped. */
  lastRejection: Error | null = null;
  /** Requests sent (for tests and diagnostics). */
  sent = 0;

  private constructor(options: ReporterOptions, journal: Journal, pending: JournalEntry[]) {
    this.options = options;
    this.runId = options.runId;
    this.journal = journal;
    this.queue = pending;
  }

  /** Opens the run's journal; entries left by an earlier process are sent first. */
  static async open(options: ReporterOptions): Promise<RunReporter> {
    const opened = await Journal.open(options.journalDir, options.runId);
    if (!opened) throw new JournalBusyError(options.runId, options.journalDir);
    const reporter = new RunReporter(options, opened.journal, opened.pending);
    if (opened.pending.length > 0) reporter.kick();
    return reporter;
  }

  /**
   * Sends whatever earlier processes left in `journalDir` (an agent killed while the API was down),
   * waiting at most `waitMs` per journal. Returns the run ids whose journals were fully delivered.
   */
  static async recover(options: Omit<ReporterOptions, "runId" | "agentId">, waitMs: number): Promise<string[]> {
    const done: string[] = [];
    for (const runId of await listJournals(options.journalDir)) {
      let reporter: RunReporter;
      try {
        reporter = await RunReporter.open({ ...options, runId, agentId: null });
      } catch (error) {
        if (error instanceof JournalBusyError) continue;
        throw error;
      }
      const delivered = await reporter.drain(waitMs);
      await reporter.close();
      if (delivered) done.push(runId);
    }
    return done;
  }

  /** Entries not yet acknowledged by the API. */
  get pendingCount(): number {
    return this.queue.length;
  }

  /** Records one finished epoch durably and schedules its delivery. */
  async logEpoch(epoch: EpochInput): Promise<void> {
    await this.enqueue({ t: "epochs", epochs: [epoch] });
    const waitingEpochs = this.queue.reduce((n, e) => n + (e.t === "epochs" ? e.epochs.length : 0), 0);
    if (waitingEpochs >= (this.options.flushEvery ?? 5)) this.kick();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, this.options.flushIntervalMs ?? 2_000);
      this.timer.unref();
    }
  }

  /** Records the completion and waits up to `waitMs` for it (and every epoch before it) to be delivered. */
  async complete(input: Omit<CompleteRunInput, "runId" | "agentId">, waitMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    await this.enqueue({ t: "complete", input: { ...input, runId: this.runId, agentId: this.options.agentId } });
    return this.drain(waitMs);
  }

  /** Records a failure and waits up to `waitMs` for its delivery. */
  async fail(error: string, waitMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    await this.enqueue({ t: "fail", error });
    return this.drain(waitMs);
  }

  /** Sends everything waiting; resolves true once the queue is empty, false after `waitMs`. */
  async drain(waitMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    this.kick();
    const deadline = Date.now() + waitMs;
    while (this.queue.length > 0 && !this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const pump = this.pumping ?? Promise.resolve();
      if (Number.isFinite(left)) await Promise.race([pump, sleep(Math.min(left, 1_000))]);
      else await pump;
      if (!this.pumping) this.kick();
    }
    return this.queue.length === 0;
  }

  /**
   * Marks the run as not this reporter's to finish (the API gave it to another agent): once the queue
   * is empty the journal is deleted on close although no completion was sent.
   */
  abandon(): void {
    this.terminalDelivered = true;
  }

  /**
   * Stops sending and closes the journal. The file is deleted only when everything, including a
   * completion or failure, was acknowledged; otherwise it stays for {@link RunReporter.recover}.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.pumping?.catch(() => undefined);
    await this.journal.close(this.queue.length === 0 && this.terminalDelivered);
  }

  private async enqueue(payload: JournalPayload): Promise<void> {
    if (this.closed) throw new Error(`Reporter of run "${this.runId}" is closed`);
    const entry = await this.journal.append(payload, this.options.agentId);
    this.queue.push(entry);
  }

  private kick(): void {
    if (this.pumping || this.closed) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
    });
  }

  /** Sends the queue head first, one request at a time, until the queue is empty or the reporter closes. */
  private async pump(): Promise<void> {
    let attempt = 0;
    while (this.queue.length > 0 && !this.closed) {
      const batch = this.takeBatch();
      try {
        await this.send(batch);
        attempt = 0;
      } catch (error) {
        if (isRetryable(error)) {
          attempt += 1;
          const delay = backoffDelay(attempt, this.options.backoff);
          this.options.log?.(`run ${this.runId}: API unreachable, ${batch.length} entr${batch.length === 1 ? "y" : "ies"} kept in the journal; retry ${attempt} in ${Math.round(delay)} ms (${(error as Error).message})`);
          if (!(await sleep(delay, this.abort.signal))) return;
          continue;
        }
        // The API looked at the request and said no (run not found, not this agent's any more):
        // sending it again cannot succeed, so it is dropped and the reason kept for the caller.
        this.lastRejection = error instanceof Error ? error : new Error(String(error));
        this.options.log?.(`run ${this.runId}: API rejected ${batch[0]?.t ?? "entry"}: ${this.lastRejection.message}`);
      }
      const last = batch[batch.length - 1];
      if (last) {
        await this.journal.ack(last.seq);
        this.queue.splice(0, batch.length);
        if (last.t !== "epochs") this.terminalDelivered = true;
      }
    }
  }

  /** Consecutive epoch entries up to `maxBatch` epochs, or the single terminal entry at the head. */
  private takeBatch(): JournalEntry[] {
    const head = this.queue[0];
    if (!head || head.t !== "epochs") return head ? [head] : [];
    const max = this.options.maxBatch ?? 50;
    const batch: JournalEntry[] = [];
    let count = 0;
    for (const entry of this.queue) {
      if (entry.t !== "epochs" || entry.agentId !== head.agentId) break;
      if (batch.length > 0 && count + entry.epochs.length > max) break;
      batch.push(entry);
      count += entry.epochs.length;
    }
    return batch;
  }

  private async send(batch: JournalEntry[]): Promise<void> {
    const head = batch[0];
    if (!head) return;
    this.sent += 1;
    if (head.t === "epochs") {
      const epochs = batch.flatMap((e) => (e.t === "epochs" ? e.epochs : []));
      const data = await this.options.client.request(LOG_EPOCHS, { runId: this.runId, agentId: head.agentId, epochs });
      this.options.onControl?.(data.logEpochs.control);
    } else if (head.t === "complete") {
      await this.options.client.request(COMPLETE_RUN, { input: head.input });
    } else {
      await this.options.client.request(FAIL_RUN, { runId: this.runId, agentId: head.agentId, error: head.error });
    }
  }
}

