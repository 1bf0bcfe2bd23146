import { relations } from "drizzle-orm";
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";

/** A timestamped remark a user left on a run. */
export const notes = pgTable(
  "notes",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("notes_run_idx").on(t.runId, t.createdAt)],
);

export const notesRelations = relations(notes, ({ one }) => ({
  run: one(runs, { fields: [notes.runId], references: [runs.id] }),
}));
