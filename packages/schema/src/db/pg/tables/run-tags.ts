import { relations } from "drizzle-orm";
import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { runs } from "./runs";

/** Free-form labels on runs; a tag appears at most once per run. */
export const runTags = pgTable(
  "run_tags",
  {
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ name: "run_tags_pk", columns: [t.runId, t.tag] }), index("run_tags_tag_idx").on(t.tag, t.runId)],
);

export const runTagsRelations = relations(runTags, ({ one }) => ({
  run: one(runs, { fields: [runTags.runId], references: [runs.id] }),
}));
