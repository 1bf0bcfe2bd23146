"use client";
/**
 * The runs table's tag filter: the tags filtered by as chips (× removes one), the tags the loaded
 * runs carry as suggestions (click adds), and an input for any other tag. Runs must carry every
 * tag (RunFilter.tags); the tags live in the URL with the other filters.
 */
import { useState } from "react";

/** Props of TagFilter. */
export interface TagFilterProps {
  active: readonly string[];
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
}

/** Filter chips by tag. */
export function TagFilter({ active, suggestions, onChange }: TagFilterProps) {
  const [draft, setDraft] = useState("");
  const add = (tag: string) => {
    const t = tag.trim();
    if (t !== "" && !active.includes(t)) onChange([...active, t]);
    setDraft("");
  };
  return (
    <div className="tag-filter chips" data-testid="tag-filter">
      <span className="muted">Tags{active.length > 1 ? " (all of)" : ""}:</span>
      {active.map((t) => (
        <span key={t} className="chip" data-testid="tag-filter-active" data-tag={t}>
          {t}
          <button onClick={() => onChange(active.filter((x) => x !== t))} aria-label={`stop filtering by tag ${t}`}>
            ×
          </button>
        </span>
      ))}
      {suggestions.map((t) => (
        <button
          key={t}
          className="chip suggestion"
          onClick={() => add(t)}
          data-testid="tag-filter-suggestion"
          data-tag={t}
          title={`Only runs tagged ${t}`}
        >
          + {t}
        </button>
      ))}
      <TagInput draft={draft} setDraft={setDraft} add={add} />
    </div>
  );
}

function TagInput({ draft, setDraft, add }: { draft: string; setDraft: (v: string) => void; add: (t: string) => void }) {
  return (
    <input
      value={draft}
      placeholder="filter by tag"
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") add(draft);
      }}
      aria-label="filter by tag"
      data-testid="tag-filter-input"
    />
  );
}
