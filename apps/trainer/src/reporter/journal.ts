/**
 * The reporter's on-disk journal: one append-only JSONL file per run, `<dir>/<runId>.jsonl`, each
 * line fsync'd before the call returns, so that whatever the API has not acknowledged survives the
 * API being down, the agent being killed, or the machine rebooting. Acknowledgements are appended as
 * `{"t":"ack","upTo":seq}` lines instead of rewriting the file; the file is deleted once the run's
 * terminal entry (complete/fail) is acknowledged.
 *
 * A `<runId>.lock` file holding the writer's pid keeps two live processes that share a cache dir
 * from writing one journal; a lock whose pid is gone (a SIGKILLed agent) is taken over.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { CompleteRunInput, EpochInput } from "../graphql/types";

/** What the journal holds for the API, in the order it must arrive. */
export type JournalPayload =
  { t: "epochs"; epochs: EpochInput[] } | { t: "complete"; input: CompleteRunInput } | { t: "fail"; error: string };

/**
 * Who wrote an entry: the agent and the attempt (the run's `attempts` when it was claimed). The API
 * refuses an attempt's entries once the run was claimed again, so they travel with each entry;
 * `attempt` is null for entries written before attempts were journaled, and for runs without one.
 */
export interface JournalOwner {
  agentId: string | null;
  attempt: number | null;
}

/** A payload with its position in the run's journal. */
export type JournalEntry = JournalPayload & JournalOwner & { seq: number };

type Line = JournalEntry | { t: "ack"; upTo: number };

/** Journals this process has open, so concurrent runs in one agent never open the same file twice. */
const openInProcess = new Set<string>();

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads a journal file: the entries not yet acknowledged, in order, and the next free seq. */
export async function readJournal(file: string): Promise<{ pending: JournalEntry[]; nextSeq: number }> {
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { pending: [], nextSeq: 1 };
    throw error;
  }
  const entries: JournalEntry[] = [];
  let acked = 0;
  let maxSeq = 0;
  for (const raw of text.split("\n")) {
    if (!raw.trim()) continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      // A torn last line from a crash mid-append: it was never fsync'd, so nothing was promised for it.
      continue;
    }
    if (line.t === "ack") acked = Math.max(acked, line.upTo);
    else {
      // Lines from before attempts were journaled have none.
      entries.push({ ...line, attempt: line.attempt ?? null });
      maxSeq = Math.max(maxSeq, line.seq);
    }
  }
  return { pending: entries.filter((e) => e.seq > acked).sort((a, b) => a.seq - b.seq), nextSeq: maxSeq + 1 };
}

/** Run ids with a journal file under `dir` (whether or not anything in it is pending). */
export async function listJournals(dir: string): Promise<string[]> {
  try {
    const names = await fsp.readdir(dir);
    return names.filter((n) => n.endsWith(".jsonl")).map((n) => n.slice(0, -".jsonl".length));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** An open, locked journal of one run. */
export class Journal {
  readonly file: string;
  private readonly lockFile: string;
  private handle: fsp.FileHandle | null;
  private nextSeq: number;
  /** Serialises appends so lines never interleave and seqs stay in file order. */
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(file: string, lockFile: string, handle: fsp.FileHandle, nextSeq: number) {
    this.file = file;
    this.lockFile = lockFile;
    this.handle = handle;
    this.nextSeq = nextSeq;
  }

  /**
   * Opens (creating it if needed) the journal of `runId` under `dir` and returns it with its pending
   * entries; returns null when another live process holds it.
   */
  static async open(dir: string, runId: string): Promise<{ journal: Journal; pending: JournalEntry[] } | null> {
    if (!/^[\w.-]+$/.test(runId)) throw new TypeError(`Run id "${runId}" cannot name a journal file`);
    await fsp.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${runId}.jsonl`);
    const lockFile = path.join(dir, `${runId}.lock`);
    if (openInProcess.has(file)) return null;
    if (!(await acquireLock(lockFile))) return null;
    openInProcess.add(file);
    try {
      const { pending, nextSeq } = await readJournal(file);
      const handle = await fsp.open(file, "a");
      return { journal: new Journal(file, lockFile, handle, nextSeq), pending };
    } catch (error) {
      openInProcess.delete(file);
      await fsp.rm(lockFile, { force: true });
      throw error;
    }
  }

  /** Appends a payload durably and returns it with its seq. */
  append(payload: JournalPayload, owner: JournalOwner): Promise<JournalEntry> {
    const entry: JournalEntry = { ...payload, seq: this.nextSeq++, agentId: owner.agentId, attempt: owner.attempt };
    return this.write(entry).then(() => entry);
  }

  /** Records that every entry up to `seq` reached the API. */
  ack(upTo: number): Promise<void> {
    return this.write({ t: "ack", upTo });
  }

  /** Closes the file and releases the lock; with `remove`, deletes the journal (everything acknowledged). */
  async close(remove: boolean): Promise<void> {
    await this.chain.catch(() => undefined);
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
    if (remove) await fsp.rm(this.file, { force: true });
    await fsp.rm(this.lockFile, { force: true });
    openInProcess.delete(this.file);
  }

  private write(line: Line): Promise<void> {
    const next = this.chain.then(async () => {
      if (!this.handle) throw new Error(`Journal ${this.file} is closed`);
      await this.handle.appendFile(`${JSON.stringify(line)}\n`, "utf8");
      await this.handle.sync();
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}

async function acquireLock(lockFile: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(await fsp.readFile(lockFile, "utf8").catch(() => ""), 10);
      // Our own pid here means a previous process with the same pid left it, since this process
      // checks `openInProcess` first; a dead pid is a killed agent. Either way the lock is stale.
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) return false;
      await fsp.rm(lockFile, { force: true });
    }
  }
  return false;
}
