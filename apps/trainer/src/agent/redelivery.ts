/**
 * Journals the agent could not deliver in time (an outcome waiting out a long API outage, a run whose
 * agent process was killed) are sent again before every claim, not only when the agent restarts:
 * the API gets every entry once it can store it, however long that takes. One pass at a time,
 * shared by the agent's workers, and never over the journal of a run this agent is working on.
 */
import { RunReporter, type RequestClient } from "../reporter/reporter";

/** Settings of a {@link JournalRedelivery}. */
export interface RedeliveryOptions {
  client: RequestClient;
  journalDir: string;
  /** How long one pass waits for each journal before leaving it for the next pass, in ms. */
  waitMs: number;
  log: (message: string) => void;
}

/** Passes over the journal directory, coordinated with the runs the agent claims. */
export class JournalRedelivery {
  private readonly active = new Set<string>();
  private pass: Promise<void> | null = null;

  constructor(private readonly options: RedeliveryOptions) {}

  /** Sends what the journals hold (or joins the pass in flight); never throws. */
  run(): Promise<void> {
    this.pass ??= RunReporter.recover(
      { client: this.options.client, journalDir: this.options.journalDir, log: this.options.log },
      this.options.waitMs,
      (runId) => this.active.has(runId),
    )
      .then((done) => {
        if (done.length > 0) this.options.log(`delivered journals left from earlier: ${done.join(", ")}`);
      })
      .catch((error: unknown) => this.options.log(`sending journals left from earlier failed: ${(error as Error).message}`))
      .finally(() => {
        this.pass = null;
      });
    return this.pass;
  }

  /**
   * Marks a claimed run as this agent's, so no pass opens its journal, then waits for a pass already
   * in flight (it may hold that journal) to end, so the run's own reporter can open it.
   */
  async claimed(runId: string): Promise<void> {
    this.active.add(runId);
    while (this.pass) await this.pass;
  }

  /** The run is done here; a later pass may deliver what its journal still holds. */
  released(runId: string): void {
    this.active.delete(runId);
  }
}
