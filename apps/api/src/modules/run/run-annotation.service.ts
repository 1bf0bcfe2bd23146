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
  async tagsFor(runIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.deps.db
      .select({ runId: runTags.runId, tag: runTags.tag })
      .from(runTags)
      .where(inArray(runTags.runId, [...runIds]))
      .orderBy(asc(runTags.runId), asc(runTags.tag));
    return new Map([...groupBy(rows, (r) => r.runId)].map(([id, list]) => [id, list.map((r) => r.tag)]));
  }

  /** Adds a tag (idempotent). */
  async addTag(runId: string, tag: string): Promise<Run> {
    const clean = this.cleanTag(tag);
    return writeTx(this.deps, async (tx, outbox) => {
      const row = await this.runs.row(runId, tx);
      await tx.insert(runTags).values({ runId, tag: clean }).onConflictDoNothing();
      outbox.run(toRun(row));
      return toRun(row);
    });
  }

  /** Removes a tag (idempotent). */
  async removeTag(runId: string, tag: string): Promise<Run> {
    return writeTx(this.deps, async (tx, outbox) => {
      const row = await this.runs.row(runId, tx);
      await tx.delete(runTags).where(and(eq(runTags.runId, runId), eq(runTags.tag, tag.trim())));
      outbox.run(toRun(row));
      return toRun(row);
    });
  }

  /** Notes of several runs (oldest first per run), one query; runs without notes are absent. */
  async notesFor(runIds: readonly string[]): Promise<Map<string, Note[]>> {
    const rows = await this.deps.db
      .select()
      .from(notes)
      .where(inArray(notes.runId, [...runIds]))
      .orderBy(asc(notes.runId), asc(notes.createdAt), asc(notes.id));
    return new Map(
      [...groupBy(rows, (r) => r.runId)].map(([id, list]) => [
        id,
        list.map((n) => ({ id: n.id, text: n.text, createdAt: new Date(n.createdAt) })),
      ]),
    );
  }

  /** Adds a note. */
  async addNote(runId: string, text: string): Promise<Run> {
    const trimmed = this.cleanNote(text);
    return writeTx(this.deps, async (tx) => {
      const row = await this.runs.row(runId, tx);
      const now = this.deps.now();
      await tx.insert(notes).values({ id: newId(now), runId, text: trimmed, createdAt: now });
      return toRun(row);
    });
  }

  /** Edits a note's text (same bounds as addNote); NOT_FOUND when the run has no such note. */
  async editNote(runId: string, noteId: string, text: string): Promise<Run> {
    const trimmed = this.cleanNote(text);
    return writeTx(this.deps, async (tx) => {
      const row = await this.runs.row(runId, tx);
      // RETURNING rather than the driver's change count, which every dialect reports differently.
      const changed = await tx
        .update(notes)
        .set({ text: trimmed })
        .where(and(eq(notes.id, noteId), eq(notes.runId, runId)))
        .returning({ id: notes.id });
      if (changed.length === 0) throw notFound("Note", noteId);
      return toRun(row);
    });
  }

  /** Deletes a note of the run; NOT_FOUND when the run has no such note. */
  async removeNote(runId: string, noteId: string): Promise<Run> {
    return writeTx(this.deps, async (tx) => {
      const row = await this.runs.row(runId, tx);
      const changed = await tx
        .delete(notes)
        .where(and(eq(notes.id, noteId), eq(notes.runId, runId)))
        .returning({ id: notes.id });
      if (changed.length === 0) throw notFound("Note", noteId);
      return toRun(row);
    });
  }

  /** Artifacts of several runs (oldest first per run), one query; runs without artifacts are absent. */
  async artifactsFor(runIds: readonly string[]): Promise<Map<string, Artifact[]>> {
    const rows = await this.deps.db
      .select()
      .from(artifacts)
      .where(inArray(artifacts.runId, [...runIds]))
      .orderBy(asc(artifacts.runId), asc(artifacts.createdAt), asc(artifacts.id));
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
