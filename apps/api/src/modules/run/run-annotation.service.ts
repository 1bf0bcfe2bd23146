import { and, asc, eq, inArray } from "drizzle-orm";
import { artifacts, newId, notes, runTags } from "@graft/schema/db";
import { type Artifact, type Note, type Run } from "@graft/schema/graphql";
import { badInput, notFound } from "../../errors";
import { groupBy } from "../batch-loader";
import { type ServiceDeps } from "../service-deps";
import { writeTx } from "../write-tx";
import { toRun } from "./run.mapper";
import { type RunService } from "./run.service";

/** What people attach to a run: tags, notes, and the artifacts its agent reported. */
export class RunAnnotationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runs: RunService,
  ) {}

  /** Tags of several runs (sorted per run), one query; runs without tags are absent. */
  tagsFor(runIds: readonly string[]): Map<string, string[]> {
    const rows = this.deps.db
      .select({ runId: runTags.runId, tag: runTags.tag })
      .from(runTags)
      .where(inArray(runTags.runId, [...runIds]))
      .orderBy(asc(runTags.runId), asc(runTags.tag))
      .all();
    return new Map([...groupBy(rows, (r) => r.runId)].map(([id, list]) => [id, list.map((r) => r.tag)]));
  }

  /** Adds a tag (idempotent). */
  addTag(runId: string, tag: string): Run {
    const clean = this.cleanTag(tag);
    return writeTx(this.deps, (outbox) => {
      const row = this.runs.row(runId);
      this.deps.db.insert(runTags).values({ runId, tag: clean }).onConflictDoNothing().run();
      outbox.run(toRun(row));
      return toRun(row);
    });
  }

  /** Removes a tag (idempotent). */
  removeTag(runId: string, tag: string): Run {
    return writeTx(this.deps, (outbox) => {
      const row = this.runs.row(runId);
      this.deps.db
        .delete(runTags)
        .where(and(eq(runTags.runId, runId), eq(runTags.tag, tag.trim())))
        .run();
      outbox.run(toRun(row));
      return toRun(row);
    });
  }

  /** Notes of several runs (oldest first per run), one query; runs without notes are absent. */
  notesFor(runIds: readonly string[]): Map<string, Note[]> {
    const rows = this.deps.db
      .select()
      .from(notes)
      .where(inArray(notes.runId, [...runIds]))
      .orderBy(asc(notes.runId), asc(notes.createdAt), asc(notes.id))
      .all();
    return new Map(
      [...groupBy(rows, (r) => r.runId)].map(([id, list]) => [
        id,
        list.map((n) => ({ id: n.id, text: n.text, createdAt: new Date(n.createdAt) })),
      ]),
    );
  }

  /** Adds a note. */
  addNote(runId: string, text: string): Run {
    const trimmed = this.cleanNote(text);
    return writeTx(this.deps, () => {
      const row = this.runs.row(runId);
      const now = this.deps.now();
      this.deps.db
        .insert(notes)
        .values({ id: newId(now), runId, text: trimmed, createdAt: now })
        .run();
      return toRun(row);
    });
  }

  /** Edits a note's text (same bounds as addNote); NOT_FOUND when the run has no such note. */
  editNote(runId: string, noteId: string, text: string): Run {
    const trimmed = this.cleanNote(text);
    return writeTx(this.deps, () => {
      const row = this.runs.row(runId);
      const changed = this.deps.db
        .update(notes)
        .set({ text: trimmed })
        .where(and(eq(notes.id, noteId), eq(notes.runId, runId)))
        .run();
      if (changed.changes === 0) throw notFound("Note", noteId);
      return toRun(row);
    });
  }

  /** Deletes a note of the run; NOT_FOUND when the run has no such note. */
  removeNote(runId: string, noteId: string): Run {
    return writeTx(this.deps, () => {
      const row = this.runs.row(runId);
      const changed = this.deps.db
        .delete(notes)
        .where(and(eq(notes.id, noteId), eq(notes.runId, runId)))
        .run();
      if (changed.changes === 0) throw notFound("Note", noteId);
      return toRun(row);
    });
  }

  /** Artifacts of several runs (oldest first per run), one query; runs without artifacts are absent. */
  artifactsFor(runIds: readonly string[]): Map<string, Artifact[]> {
    const rows = this.deps.db
      .select()
      .from(artifacts)
      .where(inArray(artifacts.runId, [...runIds]))
      .orderBy(asc(artifacts.runId), asc(artifacts.createdAt), asc(artifacts.id))
      .all();
    return new Map(
      [...groupBy(rows, (r) => r.runId)].map(([id, list]) => [
        id,
        list.map((a) => ({ id: a.id, kind: a.kind, uri: a.uri, createdAt: new Date(a.createdAt) })),
      ]),
    );
  }

  private cleanNote(text: string): string {
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.length > 20_000)
      throw badInput(`Invalid note text ${JSON.stringify(text.slice(0, 50))}: must be 1..20000 characters`, "text", text.slice(0, 50));
    return trimmed;
  }

  private cleanTag(tag: string): string {
    const t = tag.trim();
    if (t === "" || t.length > 100)
      throw badInput(`Invalid tag ${JSON.stringify(tag.slice(0, 120))}: must be 1..100 characters`, "tag", tag.slice(0, 120));
    return t;
  }
}
