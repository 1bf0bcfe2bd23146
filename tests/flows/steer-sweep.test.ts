/**
 * Issue #14's steering flow with real parts: the real API (temp SQLite), two real `graft agent`
 * processes sharing a feature cache, and a TPE sweep with HYPERBAND early termination on a small
 * real subset of plant-leaves. The sweep runs its budget, is extended (TPE samples on), a run of it
 * fails for real (its dataset folder vanished) and is queued again once the folder is back, and the
 * sweep is then deleted: the SQLite file must hold nothing of it and nothing orphaned, and its
 * checkpoint folders must be gone, while a run outside the sweep keeps everything it owns.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DEFAULT_HYPERBAND, hyperbandBracketOf, hyperbandRungs } from "@graft/core/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copySubset,
  delay,
  sharedAssetsMissing,
  startAgentProcess,
  startApi,
  waitFor,
  type ManagedProcess,
  type RunningApi,
} from "../support";
import { CREATE_EXPERIMENT, CREATE_RUN, CREATE_SWEEP, REGISTER_DATASET, RUN_STATE } from "./queries";

const missing = sharedAssetsMissing();
if (missing) console.warn(`skipping sweep steering flow: ${missing}`);

/** Head epochs of every run: Hyperband brackets with rungs [1, 3], [3] and none (eta 3). */
const EPOCHS = 9;
const HYPERBAND = { ...DEFAULT_HYPERBAND, maxEpochs: EPOCHS };
const FIRST_BUDGET = 8;
const EXTENDED_BUDGET = 12;
const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];

const SWEEP_STATE = `query ($id: ID!) { sweep(id: $id) {
  id status strategy earlyTermination maxRuns
  progress { total planned queued running completed failed canceled stoppedEarly }
  runs { id status }
} }`;
const SWEEP_RUN = `query ($id: ID!) { run(id: $id) {
  id status attempts error stopReason agentId sweepId epochCount plannedEpochs decisionEpochs bestValAccuracy
  hyperparameters { headUnits learningRate dropout epochs }
  epochs { epoch attempt valAccuracy createdAt }
  checkpoint { attempt }
  evaluation { labels }
} }`;
const EXTEND_SWEEP = `mutation ($input: ExtendSweepInput!) { extendSweep(input: $input) { id status maxRuns } }`;
const REQUEUE_RUN = `mutation ($runId: ID!) { requeueRun(runId: $runId) { id status attempts error sweep { status } } }`;
const DELETE_SWEEP = `mutation ($sweepId: ID!) { deleteSweep(sweepId: $sweepId) }`;
const ADD_TAG = `mutation ($runId: ID!, $tag: String!) { addTag(runId: $runId, tag: $tag) { id tags } }`;
const ADD_NOTE = `mutation ($runId: ID!, $text: String!) { addNote(runId: $runId, text: $text) { id notes { id } } }`;
const EVALUATE_RUN = `mutation ($runId: ID!, $datasetId: ID!) { evaluateRun(runId: $runId, datasetId: $datasetId) { id status } }`;
const TEST_SETS = `query ($id: ID!) { run(id: $id) { testSetEvaluations { id status error } } }`;

type SweepState = {
  id: string;
  status: string;
  strategy: string;
  earlyTermination: string;
  maxRuns: number | null;
  progress: Record<"total" | "planned" | "queued" | "running" | "completed" | "failed" | "canceled" | "stoppedEarly", number>;
  runs: Array<{ id: string; status: string }>;
};
type SweepRun = {
  id: string;
  status: string;
  attempts: number;
  error: string | null;
  stopReason: string | null;
  agentId: string | null;
  sweepId: string | null;
  epochCount: number;
  plannedEpochs: number;
  decisionEpochs: number[];
  bestValAccuracy: number | null;
  hyperparameters: { headUnits: number[]; learningRate: number; dropout: number; epochs: number };
  epochs: Array<{ epoch: number; attempt: number; valAccuracy: number | null; createdAt: string }>;
  checkpoint: { attempt: number } | null;
  evaluation: { labels: string[] } | null;
};

const configurationOf = (r: SweepRun): string =>
  JSON.stringify([r.hyperparameters.headUnits, r.hyperparameters.learningRate, r.hyperparameters.dropout]);
const TERMINAL = new Set(["COMPLETED", "STOPPED_EARLY", "FAILED", "CANCELED"]);
/** Best val accuracy over a run's epochs up to `epoch` (SQL's max: nulls ignored), as the API ranks runs at a rung. */
const bestUpTo = (r: SweepRun, epoch: number): number | null => {
  const values = r.epochs.filter((e) => e.epoch <= epoch && e.valAccuracy !== null).map((e) => e.valAccuracy as number);
  return values.length === 0 ? null : Math.max(...values);
};
/** Tables of what a run owns: the flow gives the sweep's runs (together) and the control run rows in each. */
const OWNED = ["epochs", "evaluations", "run_predictions", "run_checkpoints", "artifacts", "run_tags", "notes", "test_set_evaluations"];
const HYPERBAND_REASON =
  /^HYPERBAND bracket (\d+) rung epoch (\d+): best val accuracy (\d\.\d{4}) ranks (\d+) of (\d+); only the top (\d+) continue/;

describe.skipIf(missing !== null)("sweep steering flow", () => {
  let root: string;
  let api: RunningApi;
  const agents: ManagedProcess[] = [];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-steer-"));
    copySubset(path.join(root, "datasets", "leaves"), { classes: 3, perClass: 16 });
    copySubset(path.join(root, "datasets", "field"), { classes: 3, perClass: 6 });
    api = await startApi({ dataRoots: [path.join(root, "datasets")] });
  });
  afterAll(async () => {
    // SIGKILL also ends an agent left SIGSTOPped by a failed assertion.
    await Promise.all(agents.map((a) => a.stop("SIGKILL", 1_000)));
    await api?.stop({ cleanup: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Adds the agents' and the API's recent output to a failure: the cause is usually there. */
  const explain = <T>(p: Promise<T>): Promise<T> =>
    p.catch((error: Error) => {
      throw new Error(
        `${error.message}\n${agents.map((a) => a.output().slice(-2500)).join("\n----\n")}\n---- api ----\n${api.process.output().slice(-2000)}`,
      );
    });
  const sweepState = async (id: string): Promise<SweepState> => (await api.gql<{ sweep: SweepState }>(SWEEP_STATE, { id })).sweep;
  const sweepRun = async (id: string): Promise<SweepRun> => (await api.gql<{ run: SweepRun }>(SWEEP_RUN, { id })).run;
  const runsOf = async (id: string): Promise<SweepRun[]> => {
    const out: SweepRun[] = [];
    for (const r of (await sweepState(id)).runs) out.push(await sweepRun(r.id));
    return out;
  };
  /** Waits until the sweep has ended (COMPLETED) with `total` runs, none queued or running. */
  const sweepDone = (id: string, total: number): Promise<SweepState> =>
    explain(
      waitFor(
        async () => {
          const s = await sweepState(id);
          return s.status === "COMPLETED" && s.progress.total === total && s.progress.queued === 0 && s.progress.running === 0 ? s : null;
        },
        { timeoutMs: 600_000, intervalMs: 1_000, what: `sweep ${id} to end with ${total} runs` },
      ),
    );
  const openDb = (): Database.Database => new Database(path.join(api.dataDir, "graft.db"), { readonly: true, fileMustExist: true });
  const checkpointDir = (runId: string): string => path.join(api.dataDir, "checkpoints", runId);

  /**
   * deleteSweep while a run of the sweep is RUNNING: CONFLICT naming the run. Both agents are
   * SIGSTOPped first so the run cannot end between the check and the delete (their lease is 60 s).
   */
  async function deleteRefusedWhileRunning(sweepId: string): Promise<string> {
    for (let tries = 0; tries < 30; tries++) {
      const seen = await explain(
        waitFor(
          async () => {
            const s = await sweepState(sweepId);
            return s.status !== "RUNNING" ? "ended" : s.progress.running > 0 ? "running" : null;
          },
          { timeoutMs: 300_000, intervalMs: 200, what: "a run of the sweep to be RUNNING" },
        ),
      );
      if (seen === "ended") throw new Error("the sweep ended before one of its runs could be caught RUNNING");
      for (const a of agents) a.child.kill("SIGSTOP");
      try {
        // Lets a request an agent had already sent land before looking.
        await delay(1_500);
        const running = (await sweepState(sweepId)).runs.filter((r) => r.status === "RUNNING");
        if (running.length === 0) continue;
        const refusal = await api.gql(DELETE_SWEEP, { sweepId }).then(
          () => null,
          (error: Error) => error.message,
        );
        expect(refusal, "deleteSweep with a RUNNING run must be refused").toMatch(/CONFLICT: .*RUNNING/);
        expect(running.some((r) => refusal?.includes(r.id))).toBe(true);
        return running[0]?.id as string;
      } finally {
        for (const a of agents) a.child.kill("SIGCONT");
      }
    }
    throw new Error("never caught a run of the sweep RUNNING");
  }

  it("runs a TPE sweep with HYPERBAND on two agents, extends it, requeues a failed run and deletes it leaving nothing orphaned", async () => {
    const leavesDir = path.join(root, "datasets", "leaves");
    const { registerDataset: leaves } = await api.gql<{ registerDataset: { id: string; imageCount: number } }>(REGISTER_DATASET, {
      path: leavesDir,
      name: "leaves-subset",
    });
    expect(leaves.imageCount).toBe(48);
    const { registerDataset: field } = await api.gql<{ registerDataset: { id: string } }>(REGISTER_DATASET, {
      path: path.join(root, "datasets", "field"),
      name: "field-subset",
    });
    const { createExperiment } = await api.gql<{ createExperiment: { id: string } }>(CREATE_EXPERIMENT, { name: "steering flow" });
    // A run outside the sweep: deleting the sweep must leave it and all it owns alone.
    const { createRun: control } = await api.gql<{ createRun: { id: string } }>(CREATE_RUN, {
      input: {
        datasetId: field.id,
        experimentId: createExperiment.id,
        hyperparameters: { baseModel: "mobilenet_v1_0.25_224", headUnits: [8], epochs: 2, batchSize: 16 },
      },
    });

    // 1. A TPE sweep with HYPERBAND over a categorical knob (head), a log-spread rate and dropout.
    const { createSweep } = await api.gql<{ createSweep: { id: string; runs: Array<{ id: string }> } }>(CREATE_SWEEP, {
      input: {
        experimentId: createExperiment.id,
        datasetId: leaves.id,
        name: "steered",
        strategy: "TPE",
        earlyTermination: "HYPERBAND",
        maxRuns: FIRST_BUDGET,
        seed: 7,
        searchSpace: {
          baseModels: ["mobilenet_v1_0.25_224"],
          headUnits: [[8], [32]],
          learningRates: LEARNING_RATES,
          dropouts: [0, 0.5],
        },
        epochs: EPOCHS,
        batchSize: 16,
      },
    });
    const sweepId = createSweep.id;
    // TPE samples as agents ask: one configuration to start with, not the budget.
    expect(createSweep.runs.length).toBe(1);
    const created = await sweepState(sweepId);
    expect([created.strategy, created.earlyTermination, created.maxRuns]).toEqual(["TPE", "HYPERBAND", FIRST_BUDGET]);
    expect(created.progress.planned).toBeGreaterThanOrEqual(FIRST_BUDGET);

    const cacheDir = path.join(root, "cache");
    for (const name of ["agent-a", "agent-b"]) agents.push(startAgentProcess({ apiUrl: api.url, token: api.token, name, cacheDir }));

    // 2. Deleting while a run trains is refused, and nothing is deleted.
    const caught = await deleteRefusedWhileRunning(sweepId);
    expect((await sweepRun(caught)).sweepId).toBe(sweepId);

    const first = await sweepDone(sweepId, FIRST_BUDGET);
    expect(first.progress.completed + first.progress.stoppedEarly, JSON.stringify(first.progress)).toBe(FIRST_BUDGET);
    const firstRuns = await runsOf(sweepId);
    expect(new Set(firstRuns.map(configurationOf)).size, "every TPE configuration is new").toBe(FIRST_BUDGET);
    expect(new Set(firstRuns.map((r) => r.agentId)).size, "both agents should have trained runs").toBe(2);

    // 3. A budget below what the sweep has is refused; a larger one makes TPE sample on.
    await expect(api.gql(EXTEND_SWEEP, { input: { sweepId, maxRuns: FIRST_BUDGET - 1 } })).rejects.toThrow(/BAD_USER_INPUT/);
    const { extendSweep } = await api.gql<{ extendSweep: { status: string; maxRuns: number } }>(EXTEND_SWEEP, {
      input: { sweepId, maxRuns: EXTENDED_BUDGET },
    });
    expect(extendSweep).toMatchObject({ status: "RUNNING", maxRuns: EXTENDED_BUDGET });
    await sweepDone(sweepId, EXTENDED_BUDGET);
    const extended = await runsOf(sweepId);
    expect(new Set(extended.map(configurationOf)).size, "configurations stay distinct across the extension").toBe(EXTENDED_BUDGET);
    for (const r of extended) expect(["COMPLETED", "STOPPED_EARLY"], `${r.id}: ${r.error}`).toContain(r.status);

    // 4. One more configuration, trained while the sweep's dataset folder is gone: it FAILS for real,
    // naming the path, and the sweep ends (its budget is spent).
    const away = path.join(root, "datasets", "leaves-away");
    fs.renameSync(leavesDir, away);
    const before = new Set(extended.map((r) => r.id));
    await api.gql(EXTEND_SWEEP, { input: { sweepId, maxRuns: EXTENDED_BUDGET + 1 } });
    const afterFailure = await sweepDone(sweepId, EXTENDED_BUDGET + 1);
    expect(afterFailure.progress.failed).toBe(1);
    const failedId = afterFailure.runs.find((r) => !before.has(r.id))?.id as string;
    const failed = await sweepRun(failedId);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toContain(leavesDir);
    expect([failed.attempts, failed.epochCount]).toEqual([1, 0]);

    // The folder is back: requeueRun puts the run in the queue, the sweep runs again, and the run
    // trains to its end as a second attempt without TPE sampling another configuration.
    fs.renameSync(away, leavesDir);
    const { requeueRun } = await api.gql<{
      requeueRun: { status: string; attempts: number; error: string | null; sweep: { status: string } };
    }>(REQUEUE_RUN, { runId: failedId });
    expect(requeueRun).toMatchObject({ status: "QUEUED", error: null, sweep: { status: "RUNNING" } });
    await explain(
      waitFor(async () => TERMINAL.has((await api.gql<{ run: { status: string } }>(RUN_STATE, { id: failedId })).run.status), {
        timeoutMs: 300_000,
        intervalMs: 500,
        what: `requeued run ${failedId} to finish`,
      }),
    );
    await sweepDone(sweepId, EXTENDED_BUDGET + 1);
    const requeued = await sweepRun(failedId);
    expect(["COMPLETED", "STOPPED_EARLY"], requeued.error ?? "").toContain(requeued.status);
    expect(requeued.error).toBeNull();
    expect(requeued.attempts).toBe(2);
    expect(requeued.epochs.length).toBeGreaterThan(0);
    expect(requeued.epochs.map((e) => e.attempt)).toEqual(requeued.epochs.map(() => 2));
    expect(requeued.checkpoint?.attempt).toBe(2);

    // Every run of the sweep, checked against the documented Hyperband rule.
    const all = await runsOf(sweepId);
    expect(all.length).toBe(EXTENDED_BUDGET + 1);
    expect(new Set(all.map(configurationOf)).size).toBe(EXTENDED_BUDGET + 1);
    const bracketOf = new Map(all.map((r) => [r.id, hyperbandBracketOf(r.id, HYPERBAND)]));
    for (const r of all) {
      const why = `run ${r.id} (${r.status}, ${r.stopReason ?? "no stop reason"})`;
      expect(r.status, why).toMatch(/^(COMPLETED|STOPPED_EARLY)$/);
      const rungs = hyperbandRungs(bracketOf.get(r.id) as number, HYPERBAND);
      expect(r.decisionEpochs, why).toEqual(rungs);
      expect(r.plannedEpochs).toBe(EPOCHS);
      expect(
        r.epochs.map((e) => e.epoch),
        why,
      ).toEqual(Array.from({ length: r.epochs.length }, (_, i) => i + 1));
      expect(r.epochCount, why).toBe(r.epochs.length);
      expect(r.evaluation?.labels.length, why).toBe(3);
      expect(r.checkpoint, why).not.toBeNull();
      if (r.status === "COMPLETED") {
        expect(r.epochCount, why).toBe(EPOCHS);
        continue;
      }
      // Stopped at a rung of its own bracket, keeping the epochs it trained and none past the rung.
      const m = HYPERBAND_REASON.exec(r.stopReason ?? "");
      expect(m, why).not.toBeNull();
      const [bracket, rung, own, rank, of, keep] = (m as RegExpExecArray).slice(1).map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      expect(bracket, why).toBe(bracketOf.get(r.id));
      expect(rungs, why).toContain(rung);
      expect(r.epochCount, why).toBe(rung);
      expect(r.epochCount, why).toBeLessThan(EPOCHS);
      expect(own.toFixed(4), why).toBe((bestUpTo(r, rung) as number).toFixed(4));
      expect(of, why).toBeGreaterThanOrEqual(HYPERBAND.eta);
      expect(keep, why).toBe(Math.max(1, Math.floor(of / HYPERBAND.eta)));
      expect(rank, why).toBeGreaterThan(keep);
      // The peers it was ranked against are runs of its bracket that reached the rung.
      const reached = all.filter((p) => p.id !== r.id && bracketOf.get(p.id) === bracket && p.epochs.some((e) => e.epoch === rung));
      expect(reached.length, why).toBeGreaterThanOrEqual(of - 1);
    }
    // Replaying the rule: at each rung a run is ranked against the runs of its bracket whose same
    // epoch was stored before its own (writes are serialized; equal timestamps are ambiguous, skipped).
    let replayed = 0;
    for (const r of all) {
      const bracket = bracketOf.get(r.id) as number;
      for (const rung of hyperbandRungs(bracket, HYPERBAND)) {
        const at = r.epochs.find((e) => e.epoch === rung);
        const own = bestUpTo(r, rung);
        if (!at || own === null) break;
        const t = Date.parse(at.createdAt);
        const candidates = all.flatMap((p) => {
          const pe = p.epochs.find((e) => e.epoch === rung);
          const best = bestUpTo(p, rung);
          return p.id !== r.id && bracketOf.get(p.id) === bracket && pe && best !== null ? [{ t: Date.parse(pe.createdAt), best }] : [];
        });
        if (candidates.some((c) => c.t === t)) break;
        const peers = candidates.filter((c) => c.t < t).map((c) => c.best);
        const n = peers.length + 1;
        const rank = 1 + peers.filter((p) => p > own).length;
        const stop = n >= HYPERBAND.eta && rank > Math.max(1, Math.floor(n / HYPERBAND.eta));
        replayed++;
        const why = `run ${r.id} at rung ${rung} ranks ${rank} of ${n} (${r.status}: ${r.stopReason ?? "-"})`;
        if (stop) {
          expect(r.status, why).toBe("STOPPED_EARLY");
          expect(r.stopReason, why).toContain(`rung epoch ${rung}: best val accuracy ${own.toFixed(4)} ranks ${rank} of ${n};`);
          break;
        }
        expect(r.stopReason ?? "", why).not.toContain(`rung epoch ${rung}:`);
      }
    }
    expect(replayed).toBeGreaterThan(0);
    // Hyperband never stops the run holding the sweep's highest val accuracy: it trained every epoch.
    const top = Math.max(...all.map((r) => bestUpTo(r, EPOCHS) ?? -1));
    const leaders = all.filter((r) => bestUpTo(r, EPOCHS) === top);
    expect(
      leaders.some((r) => r.status === "COMPLETED" && r.epochCount === EPOCHS),
      JSON.stringify(leaders.map((r) => [r.id, r.status, r.epochCount])),
    ).toBe(true);

    // 5. Give the sweep's runs something of everything a run owns: tags, notes, a test-set evaluation.
    const leader = leaders.find((r) => r.status === "COMPLETED") as SweepRun;
    const stopped = all.find((r) => r.status === "STOPPED_EARLY");
    for (const r of [leader, stopped ?? all.find((x) => x.id !== leader.id)].filter((x): x is SweepRun => x !== undefined)) {
      await api.gql(ADD_TAG, { runId: r.id, tag: "steered" });
      await api.gql(ADD_NOTE, { runId: r.id, text: `kept ${r.epochCount} epochs` });
    }
    await api.gql(ADD_TAG, { runId: control.id, tag: "control" });
    await api.gql(ADD_NOTE, { runId: control.id, text: "outside the sweep" });
    await api.gql(EVALUATE_RUN, { runId: leader.id, datasetId: field.id });
    await api.gql(EVALUATE_RUN, { runId: control.id, datasetId: leaves.id });
    for (const id of [leader.id, control.id]) {
      const evaluations = await explain(
        waitFor(
          async () => {
            const { run } = await api.gql<{ run: { testSetEvaluations: Array<{ status: string; error: string | null }> } }>(TEST_SETS, {
              id,
            });
            return run.testSetEvaluations.length > 0 &&
              run.testSetEvaluations.every((e) => e.status === "COMPLETED" || e.status === "FAILED")
              ? run.testSetEvaluations
              : null;
          },
          { timeoutMs: 300_000, intervalMs: 500, what: `the test-set evaluation of ${id}` },
        ),
      );
      expect(
        evaluations.map((e) => e.status),
        JSON.stringify(evaluations),
      ).toEqual(["COMPLETED"]);
    }
    const controlEnd = (await api.gql<{ run: { status: string; error: string | null } }>(RUN_STATE, { id: control.id })).run;
    expect(controlEnd.status, controlEnd.error ?? "").toBe("COMPLETED");

    // What references runs, read from the database itself (foreign keys, and any *run_id column).
    const sweepRunIds = all.map((r) => r.id);
    const db = openDb();
    let references: Array<{ table: string; column: string }>;
    const countIn = (d: Database.Database, ref: { table: string; column: string }, ids: string[]): number =>
      (
        d
          .prepare(`SELECT count(*) AS n FROM "${ref.table}" WHERE "${ref.column}" IN (SELECT value FROM json_each(?))`)
          .get(JSON.stringify(ids)) as {
          n: number;
        }
      ).n;
    try {
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
      ).map((t) => t.name);
      const found = new Map<string, { table: string; column: string }>();
      for (const table of tables) {
        for (const fk of db.pragma(`foreign_key_list("${table}")`) as Array<{ table: string; from: string }>)
          if (fk.table === "runs") found.set(`${table}.${fk.from}`, { table, column: fk.from });
        for (const col of db.pragma(`table_info("${table}")`) as Array<{ name: string }>)
          if (table !== "runs" && /(^|_)run_id$/.test(col.name)) found.set(`${table}.${col.name}`, { table, column: col.name });
      }
      references = [...found.values()];
      const referencing = new Set(references.map((r) => r.table));
      for (const table of [...OWNED, "agents"]) expect(referencing, `${table} references runs`).toContain(table);
      // Before the delete the sweep's runs own rows in every table of what a run owns, so the checks
      // after it cannot pass for want of anything to delete.
      for (const ref of references)
        if (OWNED.includes(ref.table)) expect(countIn(db, ref, sweepRunIds), `${ref.table} before`).toBeGreaterThan(0);
      expect(countIn(db, { table: "runs", column: "sweep_id" }, [sweepId])).toBe(EXTENDED_BUDGET + 1);
    } finally {
      db.close();
    }
    const withFiles = sweepRunIds.filter((id) => fs.existsSync(checkpointDir(id)));
    expect(withFiles.sort()).toEqual([...sweepRunIds].sort());
    expect(fs.existsSync(checkpointDir(control.id))).toBe(true);

    // 6. Delete the sweep: nothing of it, and nothing orphaned, stays.
    const { deleteSweep } = await api.gql<{ deleteSweep: string }>(DELETE_SWEEP, { sweepId });
    expect(deleteSweep).toBe(sweepId);
    await expect(sweepState(sweepId)).rejects.toThrow(/NOT_FOUND/);
    await expect(sweepRun(leader.id)).rejects.toThrow(/NOT_FOUND/);
    const after = openDb();
    try {
      expect(after.pragma("foreign_key_check"), "rows pointing at rows that do not exist").toEqual([]);
      expect(countIn(after, { table: "sweeps", column: "id" }, [sweepId])).toBe(0);
      expect(countIn(after, { table: "runs", column: "id" }, sweepRunIds)).toBe(0);
      expect(countIn(after, { table: "runs", column: "sweep_id" }, [sweepId])).toBe(0);
      for (const ref of references) {
        expect(countIn(after, ref, sweepRunIds), `${ref.table}.${ref.column} rows of the deleted runs`).toBe(0);
        const orphans = after
          .prepare(
            `SELECT count(*) AS n FROM "${ref.table}" WHERE "${ref.column}" IS NOT NULL AND "${ref.column}" NOT IN (SELECT id FROM runs)`,
          )
          .get() as { n: number };
        expect(orphans.n, `${ref.table}.${ref.column} rows naming a run that does not exist`).toBe(0);
      }
      // The run outside the sweep keeps all it owns.
      for (const ref of references) {
        if (!OWNED.includes(ref.table)) continue;
        expect(countIn(after, ref, [control.id]), `${ref.table} rows of the control run`).toBeGreaterThan(0);
      }
      // Checkpoint folders are exactly those of the checkpoint rows left.
      const rows = (after.prepare("SELECT run_id FROM run_checkpoints").all() as { run_id: string }[]).map((r) => r.run_id).sort();
      expect(rows).toEqual([control.id]);
      expect(fs.readdirSync(path.join(api.dataDir, "checkpoints")).sort()).toEqual(rows);
    } finally {
      after.close();
    }
    for (const id of sweepRunIds) expect(fs.existsSync(checkpointDir(id)), `checkpoint folder of deleted run ${id}`).toBe(false);
    // The experiment and the dataset stay.
    const { experiment } = await api.gql<{ experiment: { id: string; runCount: number } }>(
      "query($id: ID!) { experiment(id: $id) { id runCount } }",
      { id: createExperiment.id },
    );
    expect(experiment.runCount).toBe(1);

    // Idle agents leave on SIGTERM.
    expect(await Promise.all(agents.map((a) => a.stop("SIGTERM")))).toEqual([0, 0]);
  }, 1_800_000);
});
