"use client";
import { useState } from "react";
import type { RunColumn } from "../../lib/run-columns";

/** A dropdown of checkboxes choosing the table's visible columns (order follows `columns`). */
export function ColumnChooser({
  columns,
  visible,
  onChange,
}: {
  columns: readonly RunColumn[];
  visible: string[];
  onChange: (keys: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const toggle = (key: string) => {
    const next = visible.includes(key)
      ? visible.filter((k) => k !== key)
      : columns.map((c) => c.key).filter((k) => k === key || visible.includes(k));
    if (next.length > 0) onChange(next);
  };
  return (
    <div className="col-chooser">
      <button onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="column-chooser">
        Columns ▾
      </button>
      {open ? (
        <div className="menu" onMouseLeave={() => setOpen(false)}>
          {columns.map((c) => (
            <label key={c.key} title={c.title}>
              <input type="checkbox" checked={visible.includes(c.key)} onChange={() => toggle(c.key)} /> {c.label}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
