import { relations } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { runs } from "./runs";

/** A timestamped remark a user left on a run. */
export const notes = sqliteTable(
  "notes",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("notes_run_idx").on(t.runId, t.createdAt)],
);

export const notesRelations = relations(notes, ({ one }) => ({
  run: one(runs, { fields: [notes.runId], references: [runs.id] }),
}));
