import type { ParameterImportance } from "../../gql/graphql";

/** Horizontal bars of |correlation| per hyperparameter with the sign shown (plain HTML: tiny, no chart needed). */
export function ImportanceBars({ importance }: { importance: Pick<ParameterImportance, "parameter" | "correlation">[] }) {
  if (importance.length === 0) return <span className="muted">Needs a few finished runs.</span>;
  const sorted = [...importance].sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
  return (
    <div data-testid="importance">
      {sorted.map((p) => (
        <div
          key={p.parameter}
          style={{ display: "grid", gridTemplateColumns: "120px 1fr 48px", gap: 8, alignItems: "center", fontSize: 12, marginBottom: 4 }}
        >
          <span>{p.parameter}</span>
          <div style={{ background: "#eceff3", height: 10, borderRadius: 5 }}>
            <div
              style={{
                width: `${Math.min(100, Math.abs(p.correlation) * 100)}%`,
                height: "100%",
                borderRadius: 5,
                background: p.correlation >= 0 ? "var(--ok)" : "var(--bad)",
              }}
            />
          </div>
          <span className="mono" style={{ textAlign: "right" }}>
            {p.correlation >= 0 ? "+" : ""}
            {p.correlation.toFixed(2)}
          </span>
        </div>
      ))}
    </div>
  );
}
