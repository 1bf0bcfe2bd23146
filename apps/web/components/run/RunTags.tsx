"use client";
/** A run's tags as chips: × removes one, the input adds one (Enter). */
import { useState } from "react";
import type { RunAnnotationsFragment } from "../../gql/graphql";
import { gql } from "../../lib/graphql-client";
import { AddTagMutation, RemoveTagMutation } from "../../lib/operations";
import { checkTag } from "../../lib/run-annotations";
import { ApiErrorBox } from "../ApiErrorBox";

/** Props of RunTags. */
export interface RunTagsProps {
  runId: string;
  tags: readonly string[];
  /** Takes what the API answered (the run's name, tags and notes). */
  onChanged: (run: RunAnnotationsFragment) => void;
}

/** The run's tags, editable. */
export function RunTags({ runId, tags, onChanged }: RunTagsProps) {
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = draft.trim() === "" ? null : checkTag(draft);
  const run = async (request: () => Promise<RunAnnotationsFragment>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await request());
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    const tag = draft.trim();
    if (tag === "" || problem || busy) return;
    if (tags.includes(tag)) return setDraft("");
    if (await run(async () => (await gql(AddTagMutation, { runId, tag })).addTag)) setDraft("");
  };
  const remove = (tag: string) => void run(async () => (await gql(RemoveTagMutation, { runId, tag })).removeTag);
  return (
    <div data-testid="run-tags">
      <div className="chips">
        {tags.map((t) => (
          <span key={t} className="chip" data-testid="run-tag" data-tag={t}>
            {t}
            <button onClick={() => remove(t)} disabled={busy} aria-label={`remove tag ${t}`} title="Remove this tag">
              ×
            </button>
          </span>
        ))}
        <input
          value={draft}
          placeholder="add a tag"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") void add();
          }}
          aria-label="add a tag"
          aria-invalid={Boolean(problem)}
          disabled={busy}
          data-testid="run-tag-input"
        />
        {draft.trim() !== "" ? (
          <button onClick={() => void add()} disabled={busy || Boolean(problem)} data-testid="run-tag-add">
            Add
          </button>
        ) : null}
      </div>
      {problem ? <div className="field-error">{problem}</div> : null}
      {error ? <ApiErrorBox error={error} /> : null}
    </div>
  );
}
