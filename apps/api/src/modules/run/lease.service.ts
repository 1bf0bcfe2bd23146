import { and, eq, lt } from "drizzle-orm";
import { agents, epochs, runs } from "@graft/schema/db";
import { type Run, RunStatus } from "@graft/schema/graphql";
import { conflict, notFound } from "../../errors";
import { type ServiceDeps } from "../service-deps";
import { type Outbox, writeTx } from "../write-tx";
import { finishRun } from "./run.finish";
import { type RunRow, toRun } from "./run.mapper";

/** Hands queued runs to agents under a lease, and takes them back when the lease runs out. */
export class LeaseService {
  constructor(
    private readonly deps: ServiceDeps,
    /** Whether the database refused writes lately (StorageHealth): agents could not renew leases then. */
    private readonly storage?: { refusedWritesWithin(ms: number): boolean },
    /** A new attempt forgets the checkpoint an earlier one uploaded (its files go after the claim commits). */
    private readonly checkpoints?: { forgetInTx(runId: string): void; removeFiles(runId: string): void },
    /** Work queued only when asked for, inside the claim's transaction before it picks (TPE sweeps' next configurations). */
    private readonly beforeClaim?: (outbox: Outbox) => void,
  ) {}

  private get leaseMs(): number {
    return this.deps.config.leaseSeconds * 1000;
  }

  /**
   * Gives the oldest queued run (or `runId`) to `agentId`, or returns null when none is queued.
   * One statement, `UPDATE ... WHERE id = (SELECT ... LIMIT 1) AND status = 'QUEUED' RETURNING`,
   * inside an IMMEDIATE transaction: the write lock is held from BEGIN, so across threads and
   * processes no two claimers can both see the same run queued.
   */
  claim(agentId: string, runId?: string | null): Run | null {
    const run = this.claimInTx(agentId, runId);
    if (run !== null && run.attempts > 1) this.checkpoints?.removeFiles(run.id);
    return run;
  }

  private claimInTx(agentId: string, runId?: string | null): Run | null {
    return writeTx(this.deps, (outbox) => {
      this.reapInTx(outbox);
      const agent = this.deps.db.select({ id: agents.id }).from(agents).where(eq(agents.id, agentId)).get();
      if (!agent) throw notFound("Agent", agentId);
      if (!runId) this.beforeClaim?.(outbox);
      const now = this.deps.now();
      const client = this.deps.db.$client;
      let row: RunRow | undefined;
      if (runId) {
        const target = this.deps.db.select({ status: runs.status }).from(runs).where(eq(runs.id, runId)).get();
        if (!target) throw notFound("Run", runId);
        if (target.status !== RunStatus.QUEUED) throw conflict(`Run ${runId} is ${target.status}, not QUEUED, so it cannot be claimed`);
        row = this.claimStatement(client, "SELECT id FROM runs WHERE id = @runId AND status = 'QUEUED'", {
          agentId,
          now,
          lease: now + this.leaseMs,
          runId,
        });
      } else {
        row = this.claimStatement(client, "SELECT id FROM runs WHERE status = 'QUEUED' ORDER BY created_at, id LIMIT 1", {
          agentId,
          now,
          lease: now + this.leaseMs,
        });
      }
      if (!row) return null;
      if (row.attempts > 1) row = this.discardEarlierAttempts(row);
      this.deps.db.update(agents).set({ currentRunId: row.id, lastHeartbeatAt: now }).where(eq(agents.id, agentId)).run();
      const run = toRun(row);
      outbox.run(run);
      return run;
    });
  }

  /**
   * A new attempt starts from an empty curve: the epochs an earlier attempt logged and the summary
   * columns computed from them are dropped, so what the run shows (curve, best/final metrics, epoch
   * count, then the evaluation) all comes from the attempt that holds or finished it, never a mix.
   * Earlier attempts' epochs are not kept; `attempts` still counts them.
   */
  private discardEarlierAttempts(row: RunRow): RunRow {
    this.deps.db.delete(epochs).where(eq(epochs.runId, row.id)).run();
    this.checkpoints?.forgetInTx(row.id);
    return this.deps.db
      .update(runs)
      .set({ epochCount: 0, bestValAccuracy: null, bestValLoss: null, bestEpoch: null, finalValAccuracy: null, finalValLoss: null })
      .where(eq(runs.id, row.id))
      .returning()
      .get();
  }

  /** Extends the lease of a run the agent holds; returns the new expiry. Call inside a transaction. */
  extendInTx(row: RunRow): RunRow {
    return this.deps.db
      .update(runs)
      .set({ leaseExpiresAt: this.deps.now() + this.leaseMs })
      .where(eq(runs.id, row.id))
      .returning()
      .get();
  }

  /** Re-queues or fails every RUNNING run whose lease has expired; returns how many it touched. */
  reap(): number {
    return writeTx(this.deps, (outbox) => this.reapInTx(outbox));
  }

  /**
   * The reaper's work inside the caller's transaction. An expired run goes back to QUEUED while it
   * has attempts left, else FAILED with the reason; a run that was being canceled ends CANCELED.
   * Nothing is reaped within a lease of the database refusing writes (see below).
   */
  reapInTx(outbox: Outbox): number {
    // While the database refuses writes, heartbeats are refused too: an agent's silence then is the
    // API's fault, and reaping would throw away a run whose epochs sit safe in the agent's journal.
    // Reaping resumes a whole lease after writes work again, time for every agent to renew.
    if (this.storage?.refusedWritesWithin(this.leaseMs)) return 0;
    const now = this.deps.now();
    const expired = this.deps.db
      .select()
      .from(runs)
      .where(and(eq(runs.status, RunStatus.RUNNING), lt(runs.leaseExpiresAt, now)))
      .all();
    for (const row of expired) {
      if (row.stopRequested === "CANCELED") {
        finishRun(this.deps, outbox, row, RunStatus.CANCELED, { error: "lease expired while canceling" });
      } else if (row.attempts - row.attemptsBeforeRequeue < this.deps.config.maxAttempts) {
        const updated = this.deps.db
          .update(runs)
          .set({
            status: RunStatus.QUEUED,
            agentId: null,
            leaseExpiresAt: null,
            stopRequested: null,
            error: `lease expired (attempt ${row.attempts}; last agent ${this.agentLabel(row.agentId)})`,
          })
          .where(eq(runs.id, row.id))
          .returning()
          .get();
        if (row.agentId)
          this.deps.db
            .update(agents)
            .set({ currentRunId: null })
            .where(and(eq(agents.id, row.agentId), eq(agents.currentRunId, row.id)))
            .run();
        outbox.run(toRun(updated));
      } else {
        finishRun(this.deps, outbox, row, RunStatus.FAILED, {
          error: `lease expired ${row.attempts} times; last agent ${this.agentLabel(row.agentId)}`,
        });
      }
    }
    return expired.length;
  }

  private agentLabel(agentId: string | null): string {
    if (!agentId) return "unknown";
    const a = this.deps.db.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId)).get();
    return a ? `${a.name} (${agentId})` : agentId;
  }

  private claimStatement(
    client: ServiceDeps["db"]["$client"],
    pick: string,
    params: { agentId: string; now: number; lease: number; runId?: string },
  ): RunRow | undefined {
    // Raw SQL for the one statement whose shape is the point (subselect + status guard + RETURNING);
    // column names are mapped back to the drizzle row shape by re-reading through drizzle.
    const claimed = client
      .prepare(
        `UPDATE runs SET status = 'RUNNING', agent_id = @agentId, attempts = attempts + 1, lease_expires_at = @lease,
           started_at = @now, stop_requested = NULL, error = NULL
         WHERE id = (${pick}) AND status = 'QUEUED' RETURNING id`,
      )
      .get(params) as { id: string } | undefined;
    if (!claimed) return undefined;
    return this.deps.db.select().from(runs).where(eq(runs.id, claimed.id)).get();
  }
}
