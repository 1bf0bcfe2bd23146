import { asc, eq, type InferSelectModel } from "drizzle-orm";
import { agents, newId, runs } from "@graft/schema/db";
import { type Agent, AgentStatus, type HeartbeatInput, type RegisterAgentInput, type RunControl } from "@graft/schema/graphql";
import { conflict, notFound } from "../../errors";
import { firstRow } from "../../db/database";
import { type ServiceDeps } from "../service-deps";
import { writeTx } from "../write-tx";
import { type LeaseService } from "../run/lease.service";
import { controlFor } from "../run/run.finish";
import { type RunService } from "../run/run.service";

type AgentRow = InferSelectModel<typeof agents>;

/** Agents: registration, heartbeats (which extend leases) and liveness. */
export class AgentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunService,
    private readonly leases: LeaseService,
  ) {}

  private toAgent(r: AgentRow): Agent {
    // ALIVE while heartbeats arrive within three lease periods: one missed beat is not death.
    const alive = this.deps.now() - r.lastHeartbeatAt <= 3 * this.deps.config.leaseSeconds * 1000;
    return {
      id: r.id,
      name: r.name,
      host: r.host,
      backend: r.backend,
      cores: r.cores,
      gpu: r.gpu,
      status: alive ? AgentStatus.ALIVE : AgentStatus.DEAD,
      lastHeartbeatAt: new Date(r.lastHeartbeatAt),
      createdAt: new Date(r.createdAt),
      currentRunId: r.currentRunId,
    };
  }

  /** All agents by name. */
  async list(): Promise<Agent[]> {
    return (await this.deps.db.select().from(agents).orderBy(asc(agents.name))).map((r) => this.toAgent(r));
  }

  /** One agent, or null. */
  async find(id: string): Promise<Agent | null> {
    const r = await firstRow(this.deps.db.select().from(agents).where(eq(agents.id, id)));
    return r ? this.toAgent(r) : null;
  }

  /** Registers an agent, or updates the one with the same name (keeping its id). */
  async register(input: RegisterAgentInput): Promise<Agent> {
    return writeTx(this.deps, async (tx) => {
      const now = this.deps.now();
      const values = { host: input.host, backend: input.backend, cores: input.cores, gpu: input.gpu ?? null, lastHeartbeatAt: now };
      const [row] = await tx
        .insert(agents)
        .values({ id: newId(now), name: input.name, createdAt: now, ...values })
        .onConflictDoUpdate({ target: agents.name, set: values })
        .returning();
      return this.toAgent(row as AgentRow);
    });
  }

  /**
   * Records a heartbeat; with a runId, extends that run's lease (when this agent holds it) and
   * answers whether to stop. A run lost to another agent answers shouldStop with LEASE_LOST.
   */
  async heartbeat(input: HeartbeatInput): Promise<RunControl> {
    return writeTx(this.deps, async (tx) => {
      const agent = await firstRow(tx.select().from(agents).where(eq(agents.id, input.agentId)));
      if (!agent) throw notFound("Agent", input.agentId);
      const now = this.deps.now();
      await tx
        .update(agents)
        .set({ lastHeartbeatAt: now, ...(input.backend ? { backend: input.backend } : {}) })
        .where(eq(agents.id, agent.id));
      if (!input.runId) return { shouldStop: false, reason: null, leaseExpiresAt: null };
      let row = await this.runs.row(input.runId, tx);
      if (row.status === "RUNNING" && row.agentId === agent.id) {
        row = await this.leases.extendInTx(tx, row);
        if (input.backend && row.backend !== input.backend) {
          const [updated] = await tx.update(runs).set({ backend: input.backend }).where(eq(runs.id, row.id)).returning();
          row = updated as typeof row;
        }
      } else if (row.status === "QUEUED") {
        // Re-queued after an expired lease: this agent must drop it.
        return controlFor(row, agent.id);
      } else if (row.status !== "RUNNING" && row.status !== "CANCELED" && row.agentId !== agent.id) {
        throw conflict(`Run ${row.id} is ${row.status} and not held by agent ${agent.id}`);
      }
      return controlFor(row, agent.id);
    });
  }
}
