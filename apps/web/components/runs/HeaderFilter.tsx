"use client";
/** The filter control under a column header: a select for enums, a search box, or min/max inputs. */
import { useEffect, useState } from "react";
import type { RunStatus } from "../../gql/graphql";
import type { RunColumn } from "../../lib/run-columns";
import type { RunsViewState } from "../../lib/runs-view-state";

/** Props of HeaderFilter. */
export interface HeaderFilterProps {
  column: RunColumn;
  view: RunsViewState;
  setView: (v: RunsViewState) => void;
  baseModels: string[];
  augmentations: string[];
  statuses: readonly RunStatus[];
}

/** Renders the right control for the column's filter kind. */
export function HeaderFilter({ column, view, setView, baseModels, augmentations, statuses }: HeaderFilterProps) {
  switch (column.filter) {
    case "status":
      return <EnumSelect label="status" value={view.status[0] ?? ""} options={statuses} onChange={(v) => setView({ ...view, status: v ? [v as RunStatus] : [] })} />;
    case "baseModel":
      return <EnumSelect label="base model" value={view.baseModels[0] ?? ""} options={baseModels} onChange={(v) => setView({ ...view, baseModels: v ? [v] : [] })} />;
    case "augmentation":
      return <EnumSelect label="augmentation" value={view.augmentations[0] ?? ""} options={augmentations} onChange={(v) => setView({ ...view, augmentations: v ? [v] : [] })} />;
    case "search":
      return <Debounced placeholder="search" value={view.search} onCommit={(v) => setView({ ...view, search: v })} />;
    case "range": {
      const r = view.ranges.find((x) => x.field === column.field);
      const commit = (min: number | null, max: number | null) => {
        const rest = view.ranges.filter((x) => x.field !== column.field);
        setView({ ...view, ranges: min === null && max === null ? rest : [...rest, { field: column.field, min, max }] });
      };
      return (
        <div className="range">
          <Bound placeholder="min" value={r?.min ?? null} onCommit={(v) => commit(v, r?.max ?? null)} testId={`min-${column.key}`} />
          <Bound placeholder="max" value={r?.max ?? null} onCommit={(v) => commit(r?.min ?? null, v)} testId={`max-${column.key}`} />
        </div>
      );
    }
    default:
      return <span />;
  }
}

function EnumSelect({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (v: string) => void }) {
  const all = value && !options.includes(value) ? [...options, value] : options;
  return (
    <select aria-label={`filter ${label}`} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">all</option>
      {all.map((o) => <option key={o} value={o}>{o}</option>)}
    </select>
  );
}

function Debounced({ value, onCommit, placeholder }: { value: string; onCommit: (v: string) => void; placeholder: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const t = setTimeout(() => onCommit(text), 350);
    return () => clearTimeout(t);
  }, [text, value, onCommit]);
  return <input aria-label={placeholder} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} />;
}

function Bound({ value, onCommit, placeholder, testId }: { value: number | null; onCommit: (v: number | null) => void; placeholder: string; testId: string }) {
  const [text, setText] = useState(value === null ? "" : String(value));
  useEffect(() => setText(value === null ? "" : String(value)), [value]);
  const bad = text.trim() !== "" && !Number.isFinite(Number(text));
  const commit = () => {
    if (bad) return;
    const v = text.trim() === "" ? null : Number(text);
    if (v !== value) onCommit(v);
  };
  return (
    <input data-testid={testId} placeholder={placeholder} value={text} aria-invalid={bad} title={bad ? `"${text}" is not a number` : undefined}
      onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === "Enter") commit(); }} />
  );
}
