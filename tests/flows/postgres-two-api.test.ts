/**
 * Two API processes on one real PostgreSQL database (issue "PostgreSQL": "How we will know"): two
 * agents work a sweep through process 1 while a dashboard's subscriptions on process 2 see every
 * epoch and every run's end, relayed by LISTEN/NOTIFY; then process 1 is SIGKILLed mid-sweep (right
 * after committing a batch of epochs, before answering it: apps/api/src/test/serve-dies-after-commit.ts),
 * the agents move to process 2 (a failover proxy plays the load balancer) and nothing is lost.
 *
 * The agents are real `graft agent` processes (claims, heartbeats, reporter, journal, retries over
 * HTTP) with the fake engine (apps/trainer/src/testing/fake-agent.ts): real TF.js training would
 * take minutes on 2 cores and could not be timed to die mid-sweep, while the API sees the same
 * GraphQL traffic either way.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  delay,
  openSubscriptions,
  postgresMissing,
  startApi,
  startFailoverProxy,
  startFakeAgentProcess,
  startPostgres,
  tinyDataset,
  waitFor,
  type FailoverProxy,
  type Feed,
  type ManagedProcess,
  type RunningApi,
  type SubscriptionSocket,
  type TestPostgres,
} from "../support";
import { CREATE_EXPERIMENT, CREATE_SWEEP, REGISTER_DATASET, RUN_DETAIL, SWEEP_PROGRESS, plannedEpochs, type RunDetail } from "./queries";

const missing = postgresMissing();
if (missing) console.warn(`skipping the two-API PostgreSQL flow: ${missing}`);

const TOKEN = "two-api-flow-token-0123456789";
const EPOCH_FEED = `subscription ($runId: ID!) { epochLogged(runId: $runId) { runId epoch attempt valAccuracy } }`;
const RUN_FEED = `subscription ($sweepId: ID) { runUpdated(sweepId: $sweepId) { id status attempts epochCount } }`;
const SWEEP_NOW = `query ($id: ID!) { sweep(id: $id) { progress { queued running completed } runs { epochCount } } }`;
const ADD_TAG = `mutation ($runId: ID!, $tag: String!) { addTag(runId: $runId, tag: $tag) { id } }`;

interface EpochEvent {
  runId: string;
  epoch: number;
  attempt: number;
  valAccuracy: number | null;
}
interface RunEvent {
  id: string;
  status: string;
  attempts: number;
  epochCount: number;
}
interface Counts {
  queued: number;
  running: number;
  completed: number;
}
type Progress = { sweep: { progress: Counts } };

describe.skipIf(missing !== null)("two API processes on one PostgreSQL database", () => {
  let root: string;
  let postgres: TestPostgres;
  let first: RunningApi;
  let second: RunningApi;
  let proxy: FailoverProxy;
  let datasetId: string;
  let experimentId: string;
  const agents: ManagedProcess[] = [];
  const sockets: SubscriptionSocket[] = [];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-two-api-"));
    tinyDataset(path.join(root, "datasets", "tiny"));
    postgres = await startPostgres();
    // One database, token and data dir (checkpoints) for both, as two replicas behind a balancer.
    // The first migrates the database alone before the second starts.
    const shared = { dataDir: root, dataRoots: [path.join(root, "datasets")], token: TOKEN, env: { GRAFT_DATABASE_URL: postgres.url } };
    // Process 1 is the API with a hook that SIGKILLs it between committing epochs and answering.
    first = await startApi({ ...shared, entry: path.join("src", "test", "serve-dies-after-commit.ts") });
    second = await startApi(shared);
    // The agents' only address: process 1 while it lives, then process 2.
    proxy = await startFailoverProxy([first.port, second.port]);

    datasetId = (await first.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, { path: path.join(root, "datasets", "tiny") }))
      .registerDataset.id;
    experimentId = (await first.gql<{ createExperiment: { id: string } }>(CREATE_EXPERIMENT, { name: "two processes" })).createExperiment
      .id;
    for (const [i, name] of ["agent-a", "agent-b"].entries()) {
      agents.push(
        startFakeAgentProcess({
          apiUrl: proxy.url,
          token: TOKEN,
          name,
          cacheDir: path.join(root, `cache-${name}`),
          variant: i,
          epochMs: 120,
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await Promise.all(agents.map((a) => a.stop("SIGKILL", 1_000)));
    await proxy?.close();
    await Promise.all([first?.stop(), second?.stop()]);
    await postgres?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** A grid sweep of `runs` runs (learning rates) of `epochs` epochs each, queued through process 1. */
  async function queueSweep(name: string, runs: number, epochs: number): Promise<{ id: string; runIds: string[] }> {
    const { createSweep } = await first.gql<{ createSweep: { id: string; runs: Array<{ id: string }> } }>(CREATE_SWEEP, {
      input: {
        experimentId,
        datasetId,
        name,
        strategy: "GRID",
        searchSpace: {
          baseModels: ["mobilenet_v1_0.25_224"],
          headUnits: [[8]],
          learningRates: Array.from({ length: runs }, (_, i) => 0.001 * (i + 1)),
        },
        epochs,
      },
    });
    expect(createSweep.runs).toHaveLength(runs);
    return { id: createSweep.id, runIds: createSweep.runs.map((r) => r.id) };
  }

  /**
   * A dashboard on process 2 following the sweep: each run's epochs and the sweep's run updates.
   * Resolves once process 2 relays a change made through process 1 (a tag on every run): the
   * run-update subscription is registered and LISTEN is live before any agent works the sweep.
   */
  async function watchOnSecond(
    sweepId: string,
    runIds: string[],
  ): Promise<{ epochs: Map<string, Feed<EpochEvent>>; runs: Feed<RunEvent> }> {
    const socket = openSubscriptions(second.url, TOKEN);
    sockets.push(socket);
    const epochs = new Map(runIds.map((runId) => [runId, socket.subscribe<EpochEvent>(EPOCH_FEED, { runId })]));
    const runs = socket.subscribe<RunEvent>(RUN_FEED, { sweepId });
    let probe = 0;
    await waitFor(
      async () => {
        probe += 1;
        for (const runId of runIds) await first.gql(ADD_TAG, { runId, tag: `watched-${probe}` });
        return runIds.every((id) => runs.items.some((r) => r.id === id));
      },
      { timeoutMs: 20_000, intervalMs: 500, what: "process 2 to relay a change made through process 1" },
    );
    return { epochs, runs };
  }

  async function sweepDone(sweepId: string): Promise<Counts> {
    return waitFor(
      async () => {
        // Asked of process 2: it lives through both tests.
        const { progress } = (await second.gql<Progress>(SWEEP_PROGRESS, { id: sweepId })).sweep;
        return progress.queued === 0 && progress.running === 0 ? progress : null;
      },
      { timeoutMs: 120_000, intervalMs: 300, what: "every run of the sweep to finish" },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${agents.map((a) => a.output().slice(-2500)).join("\n----\n")}`);
    });
  }

  /**
   * Every run completed with each planned epoch stored once, and the dashboard on process 2 received
   * exactly the stored epochs (once each, in order, with their values) and each run's final state.
   */
  async function expectEverythingSeen(runIds: string[], feeds: { epochs: Map<string, Feed<EpochEvent>>; runs: Feed<RunEvent> }) {
    const details: RunDetail[] = [];
    for (const id of runIds) details.push((await second.gql<{ run: RunDetail }>(RUN_DETAIL, { id })).run);
    for (const run of details) {
      expect(run.status, `${run.id}: ${run.error}`).toBe("COMPLETED");
      expect(
        run.epochs.map((e) => e.epoch),
        `run ${run.id}'s stored epochs`,
      ).toEqual(Array.from({ length: plannedEpochs(run.hyperparameters) }, (_, i) => i + 1));
      expect(run.epochCount).toBe(run.epochs.length);
    }
    // The relay runs after the commit: wait for the last events to arrive, then compare exactly.
    const last = (id: string) => feeds.runs.items.filter((r) => r.id === id).at(-1);
    await waitFor(
      () =>
        details.every((run) => (feeds.epochs.get(run.id)?.items.length ?? 0) >= run.epochs.length && last(run.id)?.status === run.status),
      { timeoutMs: 15_000, intervalMs: 100, what: "process 2's subscribers to receive every stored epoch and final status" },
    ).catch((error: Error) => {
      const got = details.map((r) => `${r.id}: ${feeds.epochs.get(r.id)?.items.length}/${r.epochs.length} ${last(r.id)?.status}`);
      throw new Error(`${error.message}\n${got.join("\n")}`);
    });
    for (const run of details) {
      const feed = feeds.epochs.get(run.id);
      expect(feed?.errors, `errors on run ${run.id}'s epoch feed`).toEqual([]);
      // A run reclaimed after a lost lease shows its last attempt's epochs; subscribers saw the earlier ones too.
      expect(feed?.items.every((e) => e.attempt <= run.attempts)).toBe(true);
      expect(
        feed?.items.filter((e) => e.attempt === run.attempts),
        `run ${run.id}: epochs received on process 2 vs stored`,
      ).toEqual(run.epochs.map((e) => ({ runId: run.id, epoch: e.epoch, attempt: e.attempt, valAccuracy: e.valAccuracy })));
      expect(last(run.id), `run ${run.id}'s last update on process 2`).toEqual({
        id: run.id,
        status: "COMPLETED",
        attempts: run.attempts,
        epochCount: run.epochCount,
      });
    }
    expect(feeds.runs.errors).toEqual([]);
    for (const socket of sockets) expect(socket.unexpectedCloses(), "process 2's socket dropped").toBe(0);
    return details;
  }

  it("a dashboard subscribed on process 2 sees every epoch and every end of a sweep two agents work through process 1", async () => {
    const sweep = await queueSweep("through process 1", 6, 8);
    const feeds = await watchOnSecond(sweep.id, sweep.runIds);

    const progress = await sweepDone(sweep.id);
    expect(progress.completed, JSON.stringify(progress)).toBe(6);
    const details = await expectEverythingSeen(sweep.runIds, feeds);
    expect(new Set(details.map((r) => r.agentId)).size, "both agents completed runs").toBe(2);
    // Every agent request went to process 1: process 2 only relayed.
    expect(proxy.connectionsTo(second.port)).toBe(0);
    expect(proxy.connectionsTo(first.port)).toBeGreaterThan(0);
  });

  it("loses nothing when process 1 is SIGKILLed mid-sweep, a batch committed but unanswered: the agents finish through process 2", async () => {
    const sweep = await queueSweep("process 1 dies", 8, 12);
    const feeds = await watchOnSecond(sweep.id, sweep.runIds);
    // Mid-sweep: both agents busy, epochs stored, runs still queued.
    const atKill = await waitFor(
      async () => {
        const { sweep: now } = await second.gql<{ sweep: { progress: Counts; runs: Array<{ epochCount: number }> } }>(SWEEP_NOW, {
          id: sweep.id,
        });
        const epochs = now.runs.reduce((sum, r) => sum + r.epochCount, 0);
        return now.progress.running === 2 && now.progress.queued >= 3 && epochs >= 10 ? { ...now.progress, epochs } : null;
      },
      { timeoutMs: 60_000, intervalMs: 100, what: "the sweep to be under way on both agents" },
    );
    // The worst moment to die: a logEpochs batch committed through process 1, its answer unsent, so
    // the agent sends it again, now through process 2.
    first.process.child.kill("SIGUSR2");
    expect(await Promise.race([first.process.exited, delay(30_000).then(() => "alive 30 s after being armed")])).toBe("SIGKILL");

    const progress = await sweepDone(sweep.id);
    expect(progress.completed, JSON.stringify(progress)).toBe(8);
    // The batch process 1 stored without answering was sent again (through process 2).
    expect(agents.map((a) => a.output()).join("\n")).toMatch(/API did not take \d+ entries, kept in the journal/);
    const details = await expectEverythingSeen(sweep.runIds, feeds);
    const total = details.reduce((sum, r) => sum + r.epochs.length, 0);
    expect(total, `process 1 died at ${JSON.stringify(atKill)}`).toBeGreaterThan(atKill.epochs);
    expect(new Set(details.map((r) => r.agentId)).size, "both agents completed runs").toBe(2);
    // The agents carried on through process 2 (not a restarted process 1: it stays dead).
    expect(proxy.connectionsTo(second.port)).toBeGreaterThan(0);
    for (const agent of agents) expect(agent.child.exitCode, agent.output().slice(-2000)).toBeNull();
  });
});
