"use client";
/** The filter control under a column header: a select for enums, a search box, or min/max inputs. */
import { useEffect, useRef, useState } from "react";
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
      return (
        <EnumMulti
          label="status"
          testId={`filter-${column.key}`}
          value={view.status}
          options={statuses}
          onChange={(v) => setView({ ...view, status: v as RunStatus[] })}
        />
      );
    case "baseModel":
      return (
        <EnumMulti
          label="base model"
          testId={`filter-${column.key}`}
          value={view.baseModels}
          options={baseModels}
          onChange={(v) => setView({ ...view, baseModels: v })}
        />
      );
    case "augmentation":
      return (
        <EnumMulti
          label="augmentation"
          testId={`filter-${column.key}`}
          value={view.augmentations}
          options={augmentations}
          onChange={(v) => setView({ ...view, augmentations: v })}
        />
      );
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

/**
 * Any number of values of an enum column (the API's filter takes a list: runs matching any of
 * them). A disclosure with one checkbox per value keeps the header row one line high; values in
 * the URL that the options do not list (e.g. a base model with no run yet) stay visible and removable.
 */
function EnumMulti({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: readonly string[];
  options: readonly string[];
  onChange: (v: string[]) => void;
  testId: string;
}) {
  const all = [...options, ...value.filter((v) => !options.includes(v))];
  const summary = value.length === 0 ? "all" : value.length === 1 ? value[0] : `${value.length} selected`;
  const toggle = (o: string) =>
    onChange(value.includes(o) ? value.filter((v) => v !== o) : all.filter((x) => x === o || value.includes(x)));
  const ref = useRef<HTMLDetailsElement>(null);
  // Close on a click elsewhere, like a select would.
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, []);
  return (
    <details ref={ref} className="enum-filter" data-testid={testId}>
      <summary aria-label={`filter ${label}: ${summary}`} title={value.join(", ") || `every ${label}`}>
        {summary}
      </summary>
      <div className="enum-options" role="group" aria-label={`filter ${label}`}>
        {all.map((o) => (
          <label key={o}>
            <input type="checkbox" checked={value.includes(o)} onChange={() => toggle(o)} /> {o}
          </label>
        ))}
        {value.length > 0 ? (
          <button type="button" onClick={() => onChange([])}>
            clear
          </button>
        ) : null}
      </div>
    </details>
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

function Bound({
  value,
  onCommit,
  placeholder,
  testId,
}: {
  value: number | null;
  onCommit: (v: number | null) => void;
  placeholder: string;
  testId: string;
}) {
  const [text, setText] = useState(value === null ? "" : String(value));
  useEffect(() => setText(value === null ? "" : String(value)), [value]);
  const bad = text.trim() !== "" && !Number.isFinite(Number(text));
  const commit = () => {
    if (bad) return;
    const v = text.trim() === "" ? null : Number(text);
    if (v !== value) onCommit(v);
  };
  return (
    <input
      data-testid={testId}
      placeholder={placeholder}
      value={text}
      aria-invalid={bad}
      title={bad ? `"${text}" is not a number` : undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
      }}
    />
  );
}
