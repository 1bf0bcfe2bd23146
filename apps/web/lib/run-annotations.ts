/**
 * What the run page may do to a run and what it checks before asking the API: the limits the API
 * enforces on names, tags and notes (so the page can say so while typing), and which statuses allow
 * queueing again and deleting. PURE: no React. The API has the last word and its message is shown.
 */
import type { RunStatus } from "../gql/graphql";

/** A run's name: 1 to 200 characters, surrounding spaces trimmed (RenameRunInput.name). */
export const RUN_NAME_MAX = 200;
/** A tag: 1 to 100 characters (addTag). */
export const TAG_MAX = 100;
/** A note: 1 to 20,000 characters (addNote, editNote). */
export const NOTE_MAX = 20_000;

function checkLength(what: string, text: string, max: number): string | null {
  const t = text.trim();
  if (t === "") return `${what} cannot be empty`;
  if (t.length > max) return `${what} must be at most ${max.toLocaleString("en-US")} characters (got ${t.length.toLocaleString("en-US")})`;
  return null;
}

/** Why `text` cannot be a run's name, or null. */
export function checkRunName(text: string): string | null {
  return checkLength("A run's name", text, RUN_NAME_MAX);
}

/** Why `text` cannot be a tag, or null. */
export function checkTag(text: string): string | null {
  return checkLength("A tag", text, TAG_MAX);
}

/** Why `text` cannot be a note, or null. */
export function checkNote(text: string): string | null {
  return checkLength("A note", text, NOTE_MAX);
}

/** "Queue again" is offered for a run that ended without finishing (FAILED, CANCELED). */
export function canQueueAgain(status: RunStatus): boolean {
  return status === "FAILED" || status === "CANCELED";
}

/** Why a run cannot be deleted now (an agent is writing to a RUNNING one), or null. */
export function deleteBlockedReason(status: RunStatus): string | null {
  return status === "RUNNING" ? "An agent is training this run: cancel it and wait until it ends before deleting it" : null;
}
