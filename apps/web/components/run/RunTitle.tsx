"use client";
/** The run page's title, renamed in place: click "Rename" (or the name), Enter saves, Escape cancels. */
import { type ReactNode, useState } from "react";
import type { RunAnnotationsFragment } from "../../gql/graphql";
import { gql } from "../../lib/graphql-client";
import { RenameRunMutation } from "../../lib/operations";
import { checkRunName } from "../../lib/run-annotations";
import { ApiErrorBox } from "../ApiErrorBox";

/** Props of RunTitle. */
export interface RunTitleProps {
  runId: string;
  name: string;
  /** Takes what the API answered (the run's name, tags and notes). */
  onChanged: (run: RunAnnotationsFragment) => void;
  /** Shown after the name in the heading (the status badge). */
  children?: ReactNode;
}

/** The run's name as the page title, editable in place. */
export function RunTitle({ runId, name, onChanged, children }: RunTitleProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = draft === null ? null : checkRunName(draft);
  const save = async () => {
    if (draft === null || busy) return;
    if (draft.trim() === name) return setDraft(null);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const r = await gql(RenameRunMutation, { input: { runId, name: draft.trim() } });
      onChanged(r.renameRun);
      setDraft(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  if (draft === null)
    return (
      <h1 className="row">
        <span data-testid="run-name" onDoubleClick={() => setDraft(name)} title="Double-click to rename">
          {name}
        </span>{" "}
        {children}
        <button className="link" onClick={() => setDraft(name)} data-testid="run-rename">
          Rename
        </button>
      </h1>
    );
  return (
    <>
      <h1 className="row title-edit">
        <input
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") void save();
            if (e.key === "Escape") cancel();
          }}
          aria-label="run name"
          aria-invalid={Boolean(problem)}
          maxLength={400}
          data-testid="run-name-input"
        />
        <button className="primary" onClick={() => void save()} disabled={busy || Boolean(problem)} data-testid="run-name-save">
          {busy ? "Saving…" : "Save"}
        </button>
        <button onClick={cancel} disabled={busy}>
          Cancel
        </button>
        {children}
      </h1>
      {problem ? <div className="field-error">{problem}</div> : null}
      {error ? <ApiErrorBox error={error} /> : null}
    </>
  );
}
