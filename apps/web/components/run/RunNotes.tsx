"use client";
/** A run's notes: the list (oldest first) with edit and delete on each, and a textarea to add one. */
import { useState } from "react";
import type { NoteFieldsFragment, RunAnnotationsFragment } from "../../gql/graphql";
import { dateTime } from "../../lib/format";
import { gql } from "../../lib/graphql-client";
import { AddNoteMutation, EditNoteMutation, RemoveNoteMutation } from "../../lib/operations";
import { checkNote } from "../../lib/run-annotations";
import { ApiErrorBox } from "../ApiErrorBox";

/** Props of RunNotes. */
export interface RunNotesProps {
  runId: string;
  notes: readonly NoteFieldsFragment[];
  /** Takes what the API answered (the run's name, tags and notes). */
  onChanged: (run: RunAnnotationsFragment) => void;
}

/** The run's notes, editable. */
export function RunNotes({ runId, notes, onChanged }: RunNotesProps) {
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (request: () => Promise<RunAnnotationsFragment>): Promise<boolean> => {
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
  const addProblem = draft.trim() === "" ? null : checkNote(draft);
  const editProblem = editing ? checkNote(editing.text) : null;
  const add = async () => {
    if (draft.trim() === "" || addProblem || busy) return;
    if (await run(async () => (await gql(AddNoteMutation, { runId, text: draft.trim() })).addNote)) setDraft("");
  };
  const save = async () => {
    if (!editing || editProblem || busy) return;
    const { id, text } = editing;
    if (await run(async () => (await gql(EditNoteMutation, { runId, noteId: id, text: text.trim() })).editNote)) setEditing(null);
  };
  const remove = (noteId: string) => void run(async () => (await gql(RemoveNoteMutation, { runId, noteId })).removeNote);
  return (
    <div data-testid="run-notes">
      {notes.length === 0 ? <div className="muted">No notes yet.</div> : null}
      <ul className="notes">
        {notes.map((n) => (
          <li key={n.id} data-testid="run-note" data-note-id={n.id}>
            {editing?.id === n.id ? (
              <>
                <textarea
                  value={editing.text}
                  onChange={(e) => setEditing({ id: n.id, text: e.target.value })}
                  aria-label="edit note"
                  aria-invalid={Boolean(editProblem)}
                  data-testid="run-note-edit-text"
                />
                {editProblem ? <div className="field-error">{editProblem}</div> : null}
                <div className="row">
                  <button
                    className="primary"
                    onClick={() => void save()}
                    disabled={busy || Boolean(editProblem)}
                    data-testid="run-note-save"
                  >
                    Save
                  </button>
                  <button onClick={() => setEditing(null)} disabled={busy}>
                    Cancel
                  </button>
                </div>
              </>
            ) : (
              <>
                <div className="note-text">{n.text}</div>
                <div className="row muted" style={{ fontSize: 12 }}>
                  {dateTime(n.createdAt)}
                  <button
                    className="link"
                    onClick={() => setEditing({ id: n.id, text: n.text })}
                    disabled={busy}
                    data-testid="run-note-edit"
                  >
                    edit
                  </button>
                  <button className="link" onClick={() => remove(n.id)} disabled={busy} data-testid="run-note-delete">
                    delete
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="note-add">
        <textarea
          value={draft}
          placeholder="Add a note (what you tried, what you saw)"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void add();
          }}
          aria-label="add a note"
          aria-invalid={Boolean(addProblem)}
          data-testid="run-note-input"
        />
        {addProblem ? <div className="field-error">{addProblem}</div> : null}
        <button onClick={() => void add()} disabled={busy || draft.trim() === "" || Boolean(addProblem)} data-testid="run-note-add">
          Add note
        </button>
      </div>
      {error ? <ApiErrorBox error={error} /> : null}
    </div>
  );
}
