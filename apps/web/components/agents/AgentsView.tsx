"use client";
/** Agents, polled every 3 s (heartbeats have no subscription in the contract). */
import Link from "next/link";
import { useEffect, useState } from "react";
import { useQuery } from "../../lib/hooks";
import { AgentsQuery } from "../../lib/operations";
import { ago } from "../../lib/format";
import { ErrorBox, Skeleton } from "../States";
import { StatusBadge } from "../StatusBadge";

/** Agents page body. */
export function AgentsView() {
  const q = useQuery(AgentsQuery, {}, { pollMs: 3000 });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (q.error && !q.data) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton rows={4} />;
  const agents = [...q.data.agents].sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === "ALIVE" ? -1 : 1));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Agents</h1>
          <div className="sub">
            {agents.filter((a) => a.status === "ALIVE").length} alive of {agents.length}
          </div>
        </div>
      </div>
      {q.error ? <ErrorBox error={q.error} /> : null}
      {agents.length === 0 ? (
        <div className="panel empty">
          No agent has registered. Start one: <code>npm run graft -- agent --api http://127.0.0.1:4000 --token …</code>
        </div>
      ) : (
        <div className="panel">
          <table className="simple" data-testid="agents">
            <thead>
              <tr>
                <th>status</th>
                <th>name</th>
                <th>host</th>
                <th>backend</th>
                <th className="num">cores</th>
                <th>GPU</th>
                <th>current run</th>
                <th>last heartbeat</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.id} data-testid="agent-row" data-status={a.status}>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>{a.name}</td>
                  <td>{a.host}</td>
                  <td>{a.backend}</td>
                  <td className="num">{a.cores}</td>
                  <td>{a.gpu ?? "–"}</td>
                  <td>
                    {a.currentRun ? (
                      <>
                        <Link href={`/runs/${a.currentRun.id}`}>{a.currentRun.name}</Link>{" "}
                        <span className="muted">
                          epoch {a.currentRun.epochCount}/{a.currentRun.plannedEpochs}
                        </span>
                      </>
                    ) : (
                      <span className="muted">idle</span>
                    )}
                  </td>
                  <td title={a.lastHeartbeatAt}>{ago(a.lastHeartbeatAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
