"use client";
/** Two seed groups in Compare: is one configuration better over its seeds? (the API's groupComparison, in words) */
import { useQuery } from "../../lib/hooks";
import { GroupComparisonQuery } from "../../lib/operations";
import { groupVerdictText } from "../../lib/verdict";

/** A group as the verdict names it. */
export interface VerdictGroup {
  name: string;
  runIds: string[];
}

export function GroupVerdict({ a, b }: { a: VerdictGroup; b: VerdictGroup }) {
  const q = useQuery(GroupComparisonQuery, { a: a.runIds, b: b.runIds });
  if (q.error && !q.data) {
    return (
      <p className="muted" data-testid="group-verdict-missing">
        No verdict for the groups: {q.error.message}
      </p>
    );
  }
  if (!q.data) return null;
  return (
    <p data-testid="group-verdict" style={{ fontSize: 15 }}>
      <b>{groupVerdictText(q.data.groupComparison, a.name, a.runIds.length, b.name, b.runIds.length)}</b>
    </p>
  );
}
