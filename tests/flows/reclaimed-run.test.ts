/**
 * A run re-claimed after a lost lease shows one attempt, the one that finished it (issue "Promises
 * kept" #6), and an agent that lost a run forgets it (#8): real API, real SQLite file, real agent
 * processes with a fake engine whose numbers differ per agent (apps/trainer/src/testing/fake-agent.ts).
 * The first agent loses its lease by being paused (SIGSTOP) past it, as a swapping or suspended
 * machine would, and comes back as a zombie.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readJournal } from "@graft/trainer";
import { variantAccuracy, variantValAccuracy } from "@graft/trainer/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startApi,
  startFakeAgentProcess,
  tinyDataset,
  waitFor,
  type FakeAgentOptions,
  type ManagedProcess,
  type RunningApi,
} from "../support";
import { CREATE_RUN, REGISTER_DATASET } from "./queries";

const EPOCHS = 12;
/** The zombie's numbers are the better ones: a mix would show in the best-epoch summaries. */
const ZOMBIE = 0;
const RESCUER = 1;

const DETAIL = `query ($id: ID!) { run(id: $id) {
  status attempts agentId epochCount bestValAccuracy bestEpoch finalValAccuracy
  epochs { epoch attempt valAccuracy } evaluation { accuracy } } }`;
interface Detail {
  status: string;
  attempts: number;
  agentId: string | null;
  epochCount: number;
  bestValAccuracy: number | null;
  bestEpoch: number | null;
  finalValAccuracy: number | null;
  epochs: { epoch: number; attempt: number; valAccuracy: number }[];
  evaluation: { accuracy: number } | null;
}

describe("a run re-claimed after a lost lease", () => {
  let root: string;
  let api: RunningApi | null = null;
  let agents: ManagedProcess[] = [];

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-reclaim-"));
    tinyDataset(path.join(root, "datasets", "tiny"));
  });
  afterEach(async () => {
    for (const a of agents) a.child.kill("SIGCONT");
    await Promise.all(agents.map((a) => a.stop("SIGKILL", 1_000)));
    agents = [];
    await api?.stop({ cleanup: true });
    api = null;
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function setup(): Promise<{ api: RunningApi; runId: string }> {
    // 3 s leases: a paused agent loses its run within ~4 s; a running one heartbeats every second.
    api = await startApi({ dataRoots: [path.join(root, "datasets")], leaseSeconds: 3 });
    const { registerDataset } = await api.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, {
      path: path.join(root, "datasets", "tiny"),
    });
    const { createRun } = await api.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: { datasetId: registerDataset.id, hyperparameters: { baseModel: "mobilenet_v1_0.25_224", headUnits: [8], epochs: EPOCHS } },
    });
    return { api, runId: createRun.id };
  }
  const agent = (a: RunningApi, options: Omit<FakeAgentOptions, "apiUrl" | "token">): ManagedProcess => {
    const p = startFakeAgentProcess({ apiUrl: a.url, token: a.token, ...options });
    agents.push(p);
    return p;
  };
  const detail = async (a: RunningApi, id: string): Promise<Detail> => (await a.gql<{ run: Detail }>(DETAIL, { id })).run;
  const until = <T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 60_000): Promise<T> =>
    waitFor(probe, { timeoutMs, intervalMs: 100, what }).catch((error: Error) => {
      throw new Error(
        `${error.message}\n${agents.map((p) => p.output().slice(-2500)).join("\n----\n")}\n---- api ----\n${api?.process.output().slice(-1500) ?? ""}`,
      );
    }) as Promise<T>;
  const journalOf = (cacheDir: string, runId: string): string => path.join(cacheDir, "journal", `${runId}.jsonl`);

  /** The finished run must be the rescuer's attempt 2 through and through. */
  async function expectRescuersRun(a: RunningApi, runId: string): Promise<void> {
    const run = await until("the run to finish", async () => {
      const r = await detail(a, runId);
      return r.status !== "QUEUED" && r.status !== "RUNNING" ? r : null;
    });
    const last = variantValAccuracy(EPOCHS, RESCUER);
    expect(run).toMatchObject({
      status: "COMPLETED",
      attempts: 2,
      epochCount: EPOCHS,
      bestValAccuracy: last,
      bestEpoch: EPOCHS,
      finalValAccuracy: last,
    });
    expect(run.epochs).toEqual(
      Array.from({ length: EPOCHS }, (_, i) => ({ epoch: i + 1, attempt: 2, valAccuracy: variantValAccuracy(i + 1, RESCUER) })),
    );
    expect(run.evaluation?.accuracy).toBe(variantAccuracy(RESCUER));
  }

  it("keeps the curve, summaries and evaluation of the attempt that finished, and refuses the zombie's late writes (CONFLICT)", async () => {
    const { api: a, runId } = await setup();
    const zombieCache = path.join(root, "cache-zombie");
    const zombie = agent(a, { name: "zombie", cacheDir: zombieCache, variant: ZOMBIE, epochMs: 300 });
    await until("attempt 1 to store some epochs", async () => (await detail(a, runId)).epochCount >= 3);
    zombie.child.kill("SIGSTOP");
    await until("the lease to lapse and the run to go back to the queue", async () => (await detail(a, runId)).status === "QUEUED", 20_000);

    agent(a, { name: "rescuer", cacheDir: path.join(root, "cache-rescuer"), variant: RESCUER, epochMs: 250 });
    await until("attempt 2 to store epochs", async () => {
      const r = await detail(a, runId);
      return r.attempts === 2 && r.epochCount >= 3;
    });
    // Back from its pause, the zombie still trains attempt 1 and sends what it journaled.
    zombie.child.kill("SIGCONT");
    await zombie.waitForOutput(/lost the run to attempt 2/, 30_000);
    await zombie.waitForOutput(/removed its journal/, 30_000);
    expect(zombie.output()).toMatch(/CONFLICT/);
    expect(fs.existsSync(journalOf(zombieCache, runId))).toBe(false);

    await expectRescuersRun(a, runId);
  });

  it("removes a killed agent's journal once another attempt owns the run, when that agent starts again", async () => {
    const { api: a, runId } = await setup();
    const zombieCache = path.join(root, "cache-killed");
    const journal = journalOf(zombieCache, runId);
    // Epochs go out five at a time, so between batches the journal holds unsent ones.
    const first = agent(a, { name: "killed", cacheDir: zombieCache, variant: ZOMBIE, epochMs: 400 });
    await until("attempt 1 to store epochs", async () => (await detail(a, runId)).epochCount >= 5);
    await until("the journal to hold unsent epochs while the agent is paused", async () => {
      first.child.kill("SIGSTOP");
      const { pending } = await readJournal(journal);
      if (pending.length > 0) return true;
      first.child.kill("SIGCONT");
      await new Promise((r) => setTimeout(r, 150));
      return false;
    });
    first.child.kill("SIGKILL");
    await first.exited;

    agent(a, { name: "rescuer", cacheDir: path.join(root, "cache-rescuer-2"), variant: RESCUER, epochMs: 50 });
    await expectRescuersRun(a, runId);
    expect((await readJournal(journal)).pending.length).toBeGreaterThan(0);

    // The same agent, restarted: its leftover entries are refused, and the journal goes.
    const again = agent(a, { name: "killed", cacheDir: zombieCache, variant: ZOMBIE, extraArgs: ["--once"] });
    expect(await again.exited).toBe(0);
    expect(again.output()).toMatch(/attempt 1 \(agent \S+\) lost the run to attempt 2/);
    expect(again.output()).toContain(`removed its journal ${journal}`);
    expect(fs.existsSync(journal)).toBe(false);
    await expectRescuersRun(a, runId);
  });
});
