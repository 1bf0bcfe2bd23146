import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, gt, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { runTags, runs } from "@graft/schema/db";
import { HYPERPARAMETER_ENTRIES } from "@graft/core/contract";
import { sortColumnKey } from "@graft/schema/db";
import { RunField, type RunFilter, type RunOrder, SortDirection, type RunConnection, runFieldOf } from "@graft/schema/graphql";
import { type Dialect } from "../../db/database";
import { badInput } from "../../errors";
import { type ServiceDeps } from "../service-deps";
import { type RunRow, toRun, toRunRow } from "./run.mapper";

/** Most runs one page may hold. */
export const MAX_PAGE_SIZE = 500;

/** The row key behind each RunField: lifecycle and summary columns, then every sortable knob (a list by its total). */
const RUN_FIELD_KEYS = {
  CREATED_AT: "createdAt",
  STARTED_AT: "startedAt",
  FINISHED_AT: "finishedAt",
  DURATION_MS: "durationMs",
  STATUS: "status",
  NAME: "name",
  BEST_VAL_ACCURACY: "bestValAccuracy",
  BEST_VAL_LOSS: "bestValLoss",
  BEST_EPOCH: "bestEpoch",
  FINAL_VAL_ACCURACY: "finalValAccuracy",
  FINAL_VAL_LOSS: "finalValLoss",
  EPOCH_COUNT: "epochCount",
  ...Object.fromEntries(
    HYPERPARAMETER_ENTRIES.filter(([, spec]) => spec.sortable).map(([name, spec]) => [runFieldOf(name), sortColumnKey(name, spec)]),
  ),
} as Record<RunField, keyof RunRow>;

/** The column behind each RunField (HEAD_UNITS sorts by total units). */
const RUN_COLUMNS = getTableColumns(runs);
export const RUN_FIELD_COLUMNS = Object.fromEntries(
  Object.entries(RUN_FIELD_KEYS).map(([field, key]) => [field, RUN_COLUMNS[key] as SQLiteColumn]),
) as Record<RunField, SQLiteColumn>;

/** Text columns: range filters make no sense on them. */
const TEXT_FIELDS = new Set<string>([
  RunField.STATUS,
  RunField.NAME,
  ...HYPERPARAMETER_ENTRIES.filter(
    ([, spec]) => spec.sortable && (spec.kind === "text" || spec.kind === "enum" || spec.kind === "ops"),
  ).map(([name]) => runFieldOf(name)),
]);

type Cursor = { f: RunField; d: SortDirection; v: string | number | null; id: string };

/** Opaque cursor: base64url of the sort key of the last row. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(raw: string, order: RunOrder): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof c.id !== "string" || c.f !== order.field || c.d !== order.direction) throw new Error("mismatch");
    return c;
  } catch {
    throw badInput(
      `Invalid cursor ${JSON.stringify(raw.slice(0, 80))}: not from a page with orderBy ${order.field} ${order.direction}`,
      "after",
      raw.slice(0, 80),
    );
  }
}

/**
 * Keyset condition "after this row" in (column, id) order. SQLite sorts NULL first ascending and
 * last descending; the branches keep that consistent so every row appears exactly once.
 */
function afterCondition(col: SQLWrapper, c: Cursor): SQL {
  if (c.d === SortDirection.ASC) {
    if (c.v === null) return or(and(isNull(col), gt(runs.id, c.id)), sql`${col} IS NOT NULL`) as SQL;
    return or(gt(col, c.v), and(eq(col, c.v), gt(runs.id, c.id))) as SQL;
  }
  if (c.v === null) return and(isNull(col), lt(runs.id, c.id)) as SQL;
  return or(lt(col, c.v), and(eq(col, c.v), lt(runs.id, c.id)), isNull(col)) as SQL;
}

function filterConditions(dialect: Dialect, f: RunFilter | null | undefined): SQL[] {
  const out: SQL[] = [];
  if (!f) return out;
  if (f.status?.length) out.push(inArray(runs.status, f.status));
  if (f.experimentId) out.push(eq(runs.experimentId, f.experimentId));
  if (f.sweepId) out.push(eq(runs.sweepId, f.sweepId));
  if (f.datasetId) out.push(eq(runs.datasetId, f.datasetId));
  if (f.baseModels?.length) out.push(inArray(runs.baseModel, f.baseModels));
  if (f.augmentations?.length) out.push(inArray(runs.augmentation, f.augmentations));
  if (f.tags?.length) {
    const tags = [...new Set(f.tags)];
    out.push(
      inArray(
        runs.id,
        sql`(SELECT ${runTags.runId} FROM ${runTags} WHERE ${inArray(runTags.tag, tags)} GROUP BY ${runTags.runId} HAVING count(*) = ${tags.length})`,
      ),
    );
  }
  if (f.search) out.push(nameContains(dialect, f.search));
  for (const r of f.ranges ?? []) {
    if (TEXT_FIELDS.has(r.field)) throw badInput(`ranges cannot filter the text field ${r.field}`, "ranges.field", r.field);
    if (r.min == null && r.max == null) throw badInput(`range on ${r.field} needs min or max`, "ranges", r.field);
    if (r.min != null && r.max != null && r.min > r.max) throw badInput(`range on ${r.field} has min ${r.min} > max ${r.max}`, "ranges", r);
    const col = RUN_FIELD_COLUMNS[r.field];
    if (r.min != null) out.push(gte(col, r.min));
    if (r.max != null) out.push(lte(col, r.max));
  }
  return out;
}

/**
 * `name` contains `search`, as plain text (`%`, `_` and `\` match themselves): ASCII-case-insensitive
 * as SQLite's LIKE is, so PostgreSQL says ILIKE (the C collation folds ASCII only, the same set).
 * ESCAPE names the backslash the pattern escapes with: PostgreSQL's default, but SQLite has none
 * without it.
 */
function nameContains(dialect: Dialect, search: string): SQL {
  const pattern = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return dialect === "postgres" ? sql`${runs.name} ILIKE ${pattern} ESCAPE '\\'` : sql`${runs.name} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * A page's sort term in SQLite's NULL order (first ascending, last descending), which afterCondition
 * assumes. PostgreSQL's default is the reverse, and its indexes on nullable sort columns say NULLS
 * FIRST (packages/schema's pg null-order.ts), so it names the order to match them; NOT NULL columns
 * keep the plain term, which is what their indexes say (the planner compares the clause literally).
 */
function orderTerm(dialect: Dialect, col: SQLiteColumn, direction: SortDirection): SQL {
  const ascending = direction === SortDirection.ASC;
  if (dialect !== "postgres" || col.notNull) return ascending ? asc(col) : desc(col);
  return ascending ? sql`${col} ASC NULLS FIRST` : sql`${col} DESC NULLS LAST`;
}

/** The `runs` query: filters, an order on any RunField with an id tiebreak, keyset pages, totalCount. */
export async function queryRuns(
  deps: ServiceDeps,
  filter: RunFilter | null | undefined,
  orderBy: RunOrder | null | undefined,
  first: number,
  after: string | null | undefined,
): Promise<RunConnection> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw badInput(`first must be in 0..${MAX_PAGE_SIZE}; got ${first}`, "first", first);
  const order: RunOrder = orderBy ?? { field: RunField.CREATED_AT, direction: SortDirection.DESC };
  const col = RUN_FIELD_COLUMNS[order.field];
  const conds = filterConditions(deps.database.dialect, filter);
  const where = conds.length ? and(...conds) : undefined;
  const pageConds = [...conds];
  if (after) pageConds.push(afterCondition(col, decodeCursor(after, order)));
  // Built by drizzle, compiled once per distinct SQL text (the filter shape), then reused. The page
  // and the count are independent reads: on PostgreSQL they run at once, on two pooled connections.
  const [pageRows, total] = await Promise.all([
    deps.database.raw.rows(
      deps.db,
      deps.db
        .select()
        .from(runs)
        .where(pageConds.length ? and(...pageConds) : undefined)
        .orderBy(
          orderTerm(deps.database.dialect, col, order.direction),
          order.direction === SortDirection.ASC ? asc(runs.id) : desc(runs.id),
        )
        .limit(first + 1),
    ),
    deps.database.raw.value(
      deps.db,
      deps.db
        .select({ n: sql<number>`count(*)` })
        .from(runs)
        .where(where),
    ) as Promise<number | undefined>,
  ]);
  const rows = pageRows.map(toRunRow);
  const page = rows.slice(0, first);
  const edges = page.map((r) => {
    const raw = r[keyOf(order.field)] as string | number | null;
    return { cursor: encodeCursor({ f: order.field, d: order.direction, v: raw, id: r.id }), node: toRun(r) };
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: total ?? 0,
  };
}

/** The drizzle row key of a RunField's column (what the cursor stores). */
function keyOf(field: RunField): keyof RunRow {
  return RUN_FIELD_KEYS[field];
}
