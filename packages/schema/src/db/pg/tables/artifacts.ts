import { relations } from "drizzle-orm";
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** A file a run produced (checkpoint directory, labels, logs), by location. */
export const artifacts = pgTable(
  "artifacts",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    uri: text("uri").notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("artifacts_run_idx").on(t.runId, t.createdAt)],
);

export const artifactsRelations = relations(artifacts, ({ one }) => ({
  run: one(runs, { fields: [artifacts.runId], references: [runs.id] }),
}));
