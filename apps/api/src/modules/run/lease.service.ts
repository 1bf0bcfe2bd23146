import { and, eq, lt } from "drizzle-orm";
import { agents, epochs, runs } from "@graft/schema/db";
import { type Run, RunStatus } from "@graft/schema/graphql";
import { conflict, notFound } from "../../errors";
import { type Db, firstRow } from "../../db/database";
import { type ClaimParams, type ClaimPick } from "../../db/raw-statements";
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
    private readonly checkpoints?: { forgetInTx(tx: Db, runId: string): Promise<void>; removeFiles(runId: string): Promise<void> },
    /** Work queued only when asked for, inside the claim's transaction before it picks (TPE sweeps' next configurations). */
    private readonly beforeClaim?: (tx: Db, outbox: Outbox) => Promise<void>,
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
  async claim(agentId: string, runId?: string | null): Promise<Run | null> {
    const run = await this.claimInTx(agentId, runId);
    if (run !== null && run.attempts > 1) await this.checkpoints?.removeFiles(run.id);
    return run;
  }

  private async claimInTx(agentId: string, runId?: string | null): Promise<Run | null> {
    return writeTx(this.deps, async (tx, outbox) => {
      await this.reapInTx(tx, outbox);
      const agent = await firstRow(tx.select({ id: agents.id }).from(agents).where(eq(agents.id, agentId)));
      if (!agent) throw notFound("Agent", agentId);
      if (!runId) await this.beforeClaim?.(tx, outbox);
      const now = this.deps.now();
      let row: RunRow | undefined;
      if (runId) {
        const target = await firstRow(tx.select({ status: runs.status }).from(runs).where(eq(runs.id, runId)));
        if (!target) throw notFound("Run", runId);
        if (target.status !== RunStatus.QUEUED) throw conflict(`Run ${runId} is ${target.status}, not QUEUED, so it cannot be claimed`);
        row = await this.claimStatement(tx, { runId }, { agentId, now, lease: now + this.leaseMs });
      } else {
        row = await this.claimStatement(tx, { next: true }, { agentId, now, lease: now + this.leaseMs });
      }
      if (!row) return null;
      if (row.attempts > 1) row = await this.discardEarlierAttempts(tx, row);
      await tx.update(agents).set({ currentRunId: row.id, lastHeartbeatAt: now }).where(eq(agents.id, agentId));
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
  private async discardEarlierAttempts(tx: Db, row: RunRow): Promise<RunRow> {
    await tx.delete(epochs).where(eq(epochs.runId, row.id));
    await this.checkpoints?.forgetInTx(tx, row.id);
    const [updated] = await tx
      .update(runs)
      .set({ epochCount: 0, bestValAccuracy: null, bestValLoss: null, bestEpoch: null, finalValAccuracy: null, finalValLoss: null })
      .where(eq(runs.id, row.id))
      .returning();
    return updated as RunRow;
  }

  /** Extends the lease of a run the agent holds; returns the updated row. Call inside a transaction. */
  async extendInTx(tx: Db, row: RunRow): Promise<RunRow> {
    const [updated] = await tx
      .update(runs)
      .set({ leaseExpiresAt: this.deps.now() + this.leaseMs })
      .where(eq(runs.id, row.id))
      .returning();
    return updated as RunRow;
  }

  /** Re-queues or fails every RUNNING run whose lease has expired; returns how many it touched. */
  async reap(): Promise<number> {
    return writeTx(this.deps, (tx, outbox) => this.reapInTx(tx, outbox));
  }

  /**
   * The reaper's work inside the caller's transaction. An expired run goes back to QUEUED while it
   * has attempts left, else FAILED with the reason; a run that was being canceled ends CANCELED.
   * Nothing is reaped within a lease of the database refusing writes (see below).
   */
  async reapInTx(tx: Db, outbox: Outbox): Promise<number> {
    // While the database refuses writes, heartbeats are refused too: an agent's silence then is the
    // API's fault, and reaping would throw away a run whose epochs sit safe in the agent's journal.
    // Reaping resumes a whole lease after writes work again, time for every agent to renew.
    if (this.storage?.refusedWritesWithin(this.leaseMs)) return 0;
    const now = this.deps.now();
    const expired = await tx
      .select()
      .from(runs)
      .where(and(eq(runs.status, RunStatus.RUNNING), lt(runs.leaseExpiresAt, now)));
    for (const row of expired) {
      if (row.stopRequested === "CANCELED") {
        await finishRun(this.deps, tx, outbox, row, RunStatus.CANCELED, { error: "lease expired while canceling" });
      } else if (row.attempts - row.attemptsBeforeRequeue < this.deps.config.maxAttempts) {
        const label = await this.agentLabel(tx, row.agentId);
        const [updated] = await tx
          .update(runs)
          .set({
            status: RunStatus.QUEUED,
            agentId: null,
            leaseExpiresAt: null,
            stopRequested: null,
            error: `lease expired (attempt ${row.attempts}; last agent ${label})`,
          })
          .where(eq(runs.id, row.id))
          .returning();
        if (row.agentId)
          await tx
            .update(agents)
            .set({ currentRunId: null })
            .where(and(eq(agents.id, row.agentId), eq(agents.currentRunId, row.id)));
        outbox.run(toRun(updated as RunRow));
      } else {
        await finishRun(this.deps, tx, outbox, row, RunStatus.FAILED, {
          error: `lease expired ${row.attempts} times; last agent ${await this.agentLabel(tx, row.agentId)}`,
        });
      }
    }
    return expired.length;
  }

  private async agentLabel(tx: Db, agentId: string | null): Promise<string> {
    if (!agentId) return "unknown";
    const a = await firstRow(tx.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId)));
    return a ? `${a.name} (${agentId})` : agentId;
  }

  /**
   * Claims the run `pick` selects, if it is still QUEUED; its row as drizzle reads it, or undefined.
   * One raw statement in each dialect's SQL (db/raw-statements.ts `claimRun`), whose shape is the
   * point (subselect + status guard + RETURNING); the row is then re-read through drizzle so it comes
   * back in drizzle's shape.
   */
  private async claimStatement(tx: Db, pick: ClaimPick, params: ClaimParams): Promise<RunRow | undefined> {
    const claimed = await this.deps.database.raw.claimRun(tx, pick, params);
    if (claimed === undefined) return undefined;
    return firstRow(tx.select().from(runs).where(eq(runs.id, claimed)));
  }
}
