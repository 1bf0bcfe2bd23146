"use client";
/**
 * The inline confirmation of a deletion: what goes (counts, named), what stays, and a confirm
 * button, with the typed name asked for first where the blast radius is large. The API's refusal
 * (CONFLICT while a run is RUNNING) is shown in the panel, which stays open.
 */
import { type ReactNode, useEffect, useRef, useState } from "react";
import { ApiErrorBox } from "./ApiErrorBox";

/** Props of DeleteConfirm. */
export interface DeleteConfirmProps {
  /** The heading: `Delete sweep "lr-search"?` */
  title: string;
  /** What goes with it and what stays, in words. */
  children: ReactNode;
  /** The confirm button's text: "Delete sweep and 12 runs". */
  confirmLabel: string;
  /** When set, the confirm button waits until this exact text is typed (the thing's name). */
  typeToConfirm?: string | null;
  /** The counts are still loading: the confirm button waits. */
  pending?: boolean;
  /** Deletes; throws what the API answered. The panel closes only through `onCancel` or the caller's navigation. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  testId?: string;
}

/** The inline confirmation panel of a deletion. */
export function DeleteConfirm({ title, children, confirmLabel, typeToConfirm, pending, onConfirm, onCancel, testId }: DeleteConfirmProps) {
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Focus lands in the panel: the name to type, else the confirm button (Escape keeps it).
  useEffect(() => (nameInput.current ?? confirmButton.current)?.focus(), []);
  const ready = !pending && (!typeToConfirm || typed.trim() === typeToConfirm.trim());
  const confirm = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="confirm-panel"
      role="alertdialog"
      aria-label={title}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <b>{title}</b>
      <div className="confirm-body">{children}</div>
      {typeToConfirm ? (
        <label className="confirm-type">
          Type <code>{typeToConfirm}</code> to confirm{" "}
          <input
            ref={nameInput}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void confirm();
            }}
            aria-label={`type ${typeToConfirm} to confirm`}
            data-testid="confirm-name"
          />
        </label>
      ) : null}
      {error ? <ApiErrorBox error={error} testId="confirm-error" /> : null}
      <div className="row">
        <button
          ref={confirmButton}
          className="danger"
          disabled={!ready || busy}
          onClick={() => void confirm()}
          data-testid="confirm-delete"
        >
          {busy ? "Deleting…" : confirmLabel}
        </button>
        <button onClick={onCancel} disabled={busy} data-testid="confirm-cancel">
          Keep it
        </button>
      </div>
    </div>
  );
}
