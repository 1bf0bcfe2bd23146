"use client";
/** Runs grouped by configuration (differing only in their training seed): mean ± std (n) per group. */
import Link from "next/link";
import type { ReactNode } from "react";
import { groupMean, groupName, groupPercent, type GroupValue } from "../lib/groups";

/** What the table needs of a run: its name and status. */
export interface GroupRun {
  id: string;
  name: string;
  status: string;
}

export function SeedGroupsTable({
  groups,
  runs,
  caption,
  children,
}: {
  groups: readonly GroupValue[];
  runs: readonly GroupRun[];
  caption: string;
  /** Shown under the table (Compare's verdict for two groups). */
  children?: ReactNode;
}) {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const sorted = [...groups].sort((a, b) => groupMean(b, "bestValAccuracy") - groupMean(a, "bestValAccuracy"));
  return (
    <div className="panel" style={{ overflowX: "auto" }}>
      <h3>
        Seed groups{" "}
        <span className="muted" style={{ fontWeight: 400 }}>
          ({caption})
        </span>
      </h3>
      <table className="simple" data-testid="seed-groups">
        <thead>
          <tr>
            <th>configuration</th>
            <th>runs</th>
            <th className="num">best-epoch val acc</th>
            <th className="num">final val acc</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sorted.map((g) => (
            <tr key={g.key} data-testid="seed-group" data-n={g.n}>
              <td>{groupName(byId.get(g.runIds[0] ?? "")?.name, g.runIds[0] ?? "")}</td>
              <td>{g.runIds.map((id) => byId.get(id)?.status.toLowerCase() ?? "?").join(", ")}</td>
              <td className="num" data-testid="group-best">
                {groupPercent(g.metrics, "bestValAccuracy")}
              </td>
              <td className="num">{groupPercent(g.metrics, "finalValAccuracy")}</td>
              <td>
                {g.runIds.length >= 2 && g.runIds.length <= 20 ? (
                  <Link href={`/compare?ids=${g.runIds.join(",")}`}>compare seeds</Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
