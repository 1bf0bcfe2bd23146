import { relations } from "drizzle-orm";
import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** A trainer process that claims queued runs; registered (upserted) by its unique name. */
export const agents = pgTable(
  "agents",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    host: text("host").notNull(),
    backend: text("backend").notNull(),
    cores: integer("cores").notNull(),
    gpu: text("gpu"),
    lastHeartbeatAt: epochMs("last_heartbeat_at").notNull(),
    /** Soft reference (no FK) so agents and runs do not reference each other in a cycle. */
    currentRunId: text("current_run_id"),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [uniqueIndex("agents_name_uq").on(t.name)],
);

export const agentsRelations = relations(agents, ({ one, many }) => ({
  currentRun: one(runs, { fields: [agents.currentRunId], references: [runs.id] }),
  runs: many(runs),
}));
