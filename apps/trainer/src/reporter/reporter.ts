/**
 * The epoch reporter shared by `graft agent` and `graft train --api`. Every epoch, the completion and
 * a failure are first appended to the run's on-disk {@link Journal} (fsync'd), then sent to the API in
 * order: epochs in batches (every `flushEvery` epochs or `flushIntervalMs`), retried with exponential
 * backoff + jitter until the API takes them: while it is unreachable, and while it answers that it
 * cannot store them now (STORAGE_UNAVAILABLE on a full disk, any 5xx). An entry leaves the journal
 * only once the API has acknowledged it or refused it for good (see verdict.ts), and `logEpochs` is
 * idempotent per (run, epoch), so a batch whose answer was lost and is sent again never duplicates.
 * Every entry carries the attempt it belongs to; once the API says the run was claimed again, the
 * attempt's entries are dropped, training is told to stop and the journal is removed. Training never
 * waits on the network: `logEpoch` returns once the record is on disk.
 */
import { COMPLETE_RUN, FAIL_RUN, LOG_EPOCHS } from "../graphql/operations";
import type { CompleteRunInput, EpochInput, RunControl } from "../graphql/types";
import type { GraphQLClient } from "../graphql/client";
import { backoffDelay, sleep, type BackoffOptions } from "./backoff";
import { Journal, listJournals, type JournalEntry, type JournalOwner, type JournalPayload } from "./journal";
import { verdictFor } from "./verdict";

/** The part of {@link GraphQLClient} the reporter uses (a fake in tests). */
export type RequestClient = Pick<GraphQLClient, "request">;

/** Settings of a {@link RunReporter}. */
export interface ReporterOptions {
  client: RequestClient;
  runId: string;
  agentId: string | null;
  /** The run's `attempts` as claimRun answered it; null only where no claim says (recovery, old callers). */
  attempt?: number | null;
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
  /** Set once the API said another attempt owns the run: entries of `owner` are never sent again. */
  private superseded: { owner: JournalOwner; currentAttempt: number | null } | null = null;
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
   * Sends whatever earlier runs or processes left in `journalDir` (an agent killed while the API was
   * down, an outcome the API could not store in time), waiting at most `waitMs` per journal; journals
   * a live reporter holds are skipped, and so are runs `skip` names. A journal whose entries were all
   * delivered (or refused for good) is removed: no process holds its run any more, so nothing will be
   * added to it. Returns the run ids whose journals were fully delivered.
   */
  static async recover(
    options: Omit<ReporterOptions, "runId" | "agentId" | "attempt">,
    waitMs: number,
    skip?: (runId: string) => boolean,
  ): Promise<string[]> {
    const done: string[] = [];
    for (const runId of await listJournals(options.journalDir)) {
      if (skip?.(runId)) continue;
      let reporter: RunReporter;
      try {
        reporter = await RunReporter.open({ ...options, runId, agentId: null, attempt: null });
      } catch (error) {
        if (error instanceof JournalBusyError) continue;
        throw error;
      }
      const delivered = await reporter.drain(waitMs);
      if (delivered) reporter.abandon();
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

  /**
   * Whether the API said another attempt owns the run (its lease expired and it was claimed again):
   * then nothing of this attempt is sent any more and the journal is removed on close.
   */
  get supersededBy(): { currentAttempt: number | null } | null {
    return this.superseded && { currentAttempt: this.superseded.currentAttempt };
  }

  /** Records the completion and waits up to `waitMs` for it (and every epoch before it) to be delivered. */
  async complete(input: Omit<CompleteRunInput, "runId" | "agentId" | "attempt">, waitMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    await this.enqueue({
      t: "complete",
      input: { ...input, runId: this.runId, agentId: this.options.agentId, attempt: this.options.attempt ?? null },
    });
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
    const remove = this.queue.length === 0 && this.terminalDelivered;
    await this.journal.close(remove);
    if (remove && this.superseded) {
      const now = this.superseded.currentAttempt === null ? "another agent" : `attempt ${this.superseded.currentAttempt}`;
      this.options.log?.(`run ${this.runId}: removed its journal ${this.journal.file}: the run belongs to ${now} now`);
    }
  }

  private async enqueue(payload: JournalPayload): Promise<void> {
    if (this.closed) throw new Error(`Reporter of run "${this.runId}" is closed`);
    const entry = await this.journal.append(payload, { agentId: this.options.agentId, attempt: this.options.attempt ?? null });
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
    let retries = 0;
    while (this.queue.length > 0 && !this.closed) {
      if (this.superseded && this.isSuperseded(this.queue[0])) {
        await this.dropSuperseded();
        continue;
      }
      const batch = this.takeBatch();
      try {
        await this.send(batch);
        retries = 0;
      } catch (error) {
        const verdict = verdictFor(error);
        if (verdict.kind === "retry") {
          // No answer, or one saying "not now" (a full disk, a 5xx): the entries stay on disk and
          // go again, however long it takes; only close() (the agent stopping) ends the wait.
          retries += 1;
          const delay = backoffDelay(retries, this.options.backoff);
          this.options.log?.(
            `run ${this.runId}: API did not take ${batch.length} entr${batch.length === 1 ? "y" : "ies"}, kept in the journal; retry ${retries} in ${Math.round(delay)} ms (${(error as Error).message})`,
          );
          if (!(await sleep(delay, this.abort.signal))) return;
          continue;
        }
        this.lastRejection = error instanceof Error ? error : new Error(String(error));
        if (verdict.kind === "superseded") {
          this.supersede(batch[0], verdict.currentAttempt);
          continue;
        }
        // The API looked at the request and said no for good (run not found, bad input, no longer
        // RUNNING): sending it again cannot succeed, so it is dropped and the reason kept for the caller.
        this.options.log?.(`run ${this.runId}: API rejected ${batch[0]?.t ?? "entry"}: ${this.lastRejection.message}`);
      }
      await this.acknowledge(batch.length);
    }
  }

  /** Removes the first `count` queued entries, recording on disk that they are done with. */
  private async acknowledge(count: number): Promise<void> {
    const last = this.queue[count - 1];
    if (!last) return;
    await this.journal.ack(last.seq);
    this.queue.splice(0, count);
    if (last.t !== "epochs") this.terminalDelivered = true;
  }

  /**
   * The API said the run belongs to another attempt now: this attempt's entries can never be stored,
   * so they are dropped (without sending the rest), training is told to stop as on LEASE_LOST, and
   * once nothing else waits the journal is removed.
   */
  private supersede(head: JournalEntry | undefined, currentAttempt: number | null): void {
    if (!head) return;
    this.superseded = { owner: { agentId: head.agentId, attempt: head.attempt }, currentAttempt };
    const pending = this.queue.filter((e) => this.isSuperseded(e)).length;
    this.options.log?.(
      `run ${this.runId}: attempt ${head.attempt ?? "?"} (agent ${head.agentId ?? "?"}) lost the run to ${currentAttempt === null ? "another agent" : `attempt ${currentAttempt}`}; dropping its ${pending} unsent journal entr${pending === 1 ? "y" : "ies"} (${this.lastRejection?.message ?? ""})`,
    );
    this.options.onControl?.({ shouldStop: true, reason: "LEASE_LOST", leaseExpiresAt: null });
  }

  /** Drops the superseded attempt's entries at the head of the queue (a later attempt's stay). */
  private async dropSuperseded(): Promise<void> {
    let count = 0;
    while (count < this.queue.length && this.isSuperseded(this.queue[count])) count += 1;
    await this.acknowledge(count);
    // Its outcome will never be sent: the run is another attempt's to finish.
    if (this.queue.length === 0) this.terminalDelivered = true;
  }

  private isSuperseded(entry: JournalEntry | undefined): boolean {
    const owner = this.superseded?.owner;
    return entry !== undefined && owner !== undefined && entry.agentId === owner.agentId && entry.attempt === owner.attempt;
  }

  /** Consecutive epoch entries up to `maxBatch` epochs, or the single terminal entry at the head. */
  private takeBatch(): JournalEntry[] {
    const head = this.queue[0];
    if (!head || head.t !== "epochs") return head ? [head] : [];
    const max = this.options.maxBatch ?? 50;
    const batch: JournalEntry[] = [];
    let count = 0;
    for (const entry of this.queue) {
      if (entry.t !== "epochs" || entry.agentId !== head.agentId || entry.attempt !== head.attempt) break;
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
      const data = await this.options.client.request(LOG_EPOCHS, {
        runId: this.runId,
        agentId: head.agentId,
        attempt: head.attempt,
        epochs,
      });
      this.options.onControl?.(data.logEpochs.control);
    } else if (head.t === "complete") {
      await this.options.client.request(COMPLETE_RUN, { input: head.input });
    } else {
      await this.options.client.request(FAIL_RUN, { runId: this.runId, agentId: head.agentId, attempt: head.attempt, error: head.error });
    }
  }
}
