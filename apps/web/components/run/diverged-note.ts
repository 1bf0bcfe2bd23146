/**
 * The run page's words for a diverged run: which metrics were not finite at which epochs. The
 * charts leave those points out (a break in the line), so the page says why the line stops.
 */
import { metricLabel } from "../../lib/chart-spec";
import type { RunData } from "../../lib/run-data";

/** Steps listed before "…" (a run that diverged early has every later epoch non-finite). */
const LISTED = 5;

/** "train loss was not finite (NaN or Infinity) at epochs 4, 5, 6: ...", or null when every value was finite. */
export function divergedNote(run: RunData): string | null {
  const parts = Object.entries(run.gaps)
    .filter(([, steps]) => steps.length > 0)
    .map(([key, steps]) => {
      const listed = steps.slice(0, LISTED).join(", ");
      return `${metricLabel(key)} at epoch${steps.length > 1 ? "s" : ""} ${listed}${steps.length > LISTED ? ` … (${steps.length} in all)` : ""}`;
    });
  if (parts.length === 0) return null;
  return `Not finite (NaN or Infinity: the training diverged): ${parts.join("; ")}. Those points are left out of the charts; a lower learning rate usually helps.`;
}
