/**
 * The runs table's view (filters, sort, columns, selection) as URL search params, so a view can
 * be shared by copying the address, and its translation to the contract's RunFilter / RunOrder.
 *
 * Encoding (lists repeat the key because augmentations contain commas, e.g. "flip,rotate"):
 *   sort=BEST_VAL_ACCURACY.desc  status=COMPLETED&status=RUNNING  model=…  aug=…  q=text
 *   range=LEARNING_RATE:0.0001:0.01 (either bound may be empty)  tag=baseline&tag=keep (runs carrying every one)
 *   cols=status,name,…  sel=id1,id2
 */
import type { RangeFilter, RunField, RunFilter, RunOrder, RunStatus } from "../gql/graphql";
import type { RunColumns } from "./run-columns";

/** Every RunStatus value. */
export const RUN_STATUSES = [
  "QUEUED",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "CANCELED",
  "STOPPED_EARLY",
] as const satisfies readonly RunStatus[];

/** A range filter as the view holds it. */
export interface ViewRange {
  field: RunField;
  min: number | null;
  max: number | null;
}

/** Everything the runs table's URL says. */
export interface RunsViewState {
  sort: { field: RunField; direction: "ASC" | "DESC" } | null;
  status: RunStatus[];
  baseModels: string[];
  augmentations: string[];
  search: string;
  ranges: ViewRange[];
  /** Runs carrying every one of these tags. */
  tags: string[];
  /** null = default columns. */
  columns: string[] | null;
  selected: string[];
}

/** The empty view: default sort and columns, no filter, nothing selected. */
export const EMPTY_VIEW: RunsViewState = {
  sort: null,
  status: [],
  baseModels: [],
  augmentations: [],
  search: "",
  ranges: [],
  tags: [],
  columns: null,
  selected: [],
};

/** Read-only view of search params (URLSearchParams and Next's ReadonlyURLSearchParams both fit). */
export interface ParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
}

function parseBound(text: string | undefined): number | null | "bad" {
  if (text === undefined || text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : "bad";
}

/**
 * Parses the URL against the table's columns (built from the served catalogue); values that make no
 * sense are dropped and described in `warnings`.
 */
export function parseViewState(
  params: ParamsLike,
  columns: Pick<RunColumns, "byKey" | "isField">,
): { state: RunsViewState; warnings: string[] } {
  const isRunField = (s: string): s is RunField => columns.isField(s);
  const columnByKey = (key: string) => columns.byKey(key);
  const warnings: string[] = [];
  const state: RunsViewState = { ...EMPTY_VIEW, status: [], baseModels: [], augmentations: [], ranges: [], tags: [], selected: [] };
  const sort = params.get("sort");
  if (sort) {
    const [field = "", dir = ""] = sort.split(".");
    const direction = dir.toUpperCase();
    if (isRunField(field) && (direction === "ASC" || direction === "DESC")) state.sort = { field, direction };
    else warnings.push(`Ignored sort "${sort}": expected FIELD.asc or FIELD.desc`);
  }
  for (const s of params.getAll("status")) {
    if ((RUN_STATUSES as readonly string[]).includes(s)) state.status.push(s as RunStatus);
    else warnings.push(`Ignored status "${s}"`);
  }
  state.baseModels = params.getAll("model").filter((m) => m.length > 0);
  state.augmentations = params.getAll("aug").filter((a) => a.length > 0);
  state.search = params.get("q") ?? "";
  state.tags = [...new Set(params.getAll("tag").map((t) => t.trim()))].filter((t) => t.length > 0);
  for (const r of params.getAll("range")) {
    const [field = "", lo, hi] = r.split(":");
    const min = parseBound(lo);
    const max = parseBound(hi);
    if (!isRunField(field) || min === "bad" || max === "bad" || (min === null && max === null)) {
      warnings.push(`Ignored range "${r}": expected FIELD:min:max`);
      continue;
    }
    state.ranges = state.ranges.filter((x) => x.field !== field).concat({ field, min, max });
  }
  const cols = params.get("cols");
  if (cols !== null) {
    const keys = cols.split(",").filter((k) => k.length > 0);
    const unknown = keys.filter((k) => !columnByKey(k));
    if (unknown.length > 0) warnings.push(`Ignored unknown columns ${unknown.map((u) => `"${u}"`).join(", ")}`);
    const known = keys.filter((k) => columnByKey(k));
    state.columns = known.length > 0 ? known : null;
  }
  const sel = params.get("sel");
  if (sel) state.selected = [...new Set(sel.split(",").filter((s) => s.length > 0))];
  return { state, warnings };
}

/** Writes the view back to search params (stable order, defaults omitted). */
export function serializeViewState(state: RunsViewState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.sort) p.set("sort", `${state.sort.field}.${state.sort.direction.toLowerCase()}`);
  for (const s of state.status) p.append("status", s);
  for (const m of state.baseModels) p.append("model", m);
  for (const a of state.augmentations) p.append("aug", a);
  if (state.search) p.set("q", state.search);
  for (const r of state.ranges) p.append("range", `${r.field}:${r.min ?? ""}:${r.max ?? ""}`);
  for (const t of state.tags) p.append("tag", t);
  if (state.columns) p.set("cols", state.columns.join(","));
  if (state.selected.length > 0) p.set("sel", state.selected.join(","));
  return p;
}

/** The contract's RunFilter for this view inside an experiment (or sweep). */
export function toRunFilter(state: RunsViewState, scope: { experimentId?: string; sweepId?: string }): RunFilter {
  const filter: RunFilter = { ...scope };
  if (state.status.length > 0) filter.status = state.status;
  if (state.baseModels.length > 0) filter.baseModels = state.baseModels;
  if (state.augmentations.length > 0) filter.augmentations = state.augmentations;
  if (state.search.trim()) filter.search = state.search.trim();
  if (state.tags.length > 0) filter.tags = state.tags;
  if (state.ranges.length > 0) {
    filter.ranges = state.ranges.map((r): RangeFilter => {
      const out: RangeFilter = { field: r.field };
      if (r.min !== null) out.min = r.min;
      if (r.max !== null) out.max = r.max;
      return out;
    });
  }
  return filter;
}

/** Default order is newest first, so new runs of a live sweep appear on top. */
export function toRunOrder(state: RunsViewState): RunOrder {
  return state.sort ?? { field: "CREATED_AT", direction: "DESC" };
}

/** Next sort when a header is clicked: DESC for metrics first, then ASC, then back to default. */
export function nextSort(current: RunsViewState["sort"], field: RunField): RunsViewState["sort"] {
  if (!current || current.field !== field) return { field, direction: "DESC" };
  if (current.direction === "DESC") return { field, direction: "ASC" };
  return null;
}

/**
 * Tags to offer as filter chips: those the loaded runs carry and the view does not filter by yet,
 * most common first (then by name), at most `limit`.
 */
export function tagSuggestions(runs: readonly { tags: readonly string[] }[], active: readonly string[], limit = 12): string[] {
  const counts = new Map<string, number>();
  for (const r of runs) for (const t of r.tags) if (!active.includes(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([t]) => t);
}
