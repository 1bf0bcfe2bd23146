/**
 * The shapes every search algorithm here shares: a discrete search space (the lists a sweep gives
 * for each knob) and the trials run on it. PURE: no TensorFlow.js, no Node modules, so the API
 * imports it cheaply (`@graft/core/search`).
 */

/**
 * One searched knob: the values a sweep lists for it. `numeric` values are numbers placed on a line
 * (log-spaced when `log`, as learning rates are), so neighbours inform each other; `categorical`
 * values (base models, head shapes, augmentation sets) are only equal or different.
 */
export interface SearchDimension {
  name: string;
  values: readonly unknown[];
  kind: "numeric" | "categorical";
  /** Numeric only: distances are measured between log10 values (all values must be > 0). */
  log?: boolean;
}

/** A value for each searched knob, by knob name (values as they appear in the dimensions' lists). */
export type SearchPoint = Record<string, unknown>;

/**
 * One trial of a sweep: its point and its objective, higher is better (best val accuracy by
 * default). `value` is null while the trial runs or when it ended without a value.
 */
export interface Trial {
  point: SearchPoint;
  value: number | null;
  /** Whether it is still running (a pending trial TPE must not sample again: constant liar). */
  pending?: boolean;
}

/** A stable text key of a point, equal for equal points whatever the key order (duplicate checks). */
export function pointKey(point: SearchPoint): string {
  return JSON.stringify(
    Object.keys(point)
      .sort()
      .map((k) => [k, point[k]]),
  );
}
