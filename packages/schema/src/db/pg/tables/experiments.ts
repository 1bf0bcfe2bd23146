import { relations } from "drizzle-orm";
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { epochMs } from "./epoch-ms";
import { runs } from "./runs";
import { sweeps } from "./sweeps";

/** A named group of runs and sweeps that answer one question. */
export const experiments = pgTable(
  "experiments",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("experiments_created_at_idx").on(t.createdAt, t.id)],
);

export const experimentsRelations = relations(experiments, ({ many }) => ({
  runs: many(runs),
  sweeps: many(sweeps),
}));
