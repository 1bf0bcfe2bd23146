/**
 * A simulated agent that speaks the agent side of the GraphQL contract (registerAgent, claimRun,
 * heartbeat, logEpochs, completeRun) with made-up but plausible metrics, and misclassified
 * entries naming real files of the dataset. Used when GRAFT_BROWSER_AGENT=sim, so the dashboard's
 * live flow can be exercised while the real `graft agent` is unavailable; the default is the real one.
 */
import fs from "node:fs";
import path from "node:path";
import type { RunningApi } from "../../support";

/** A running simulated agent. */
export interface SimAgent {
  stop(): Promise<void>;
  errors: string[];
}

interface Claimed {
  id: string;
  hyperparameters: { epochs: number; fineTuneEpochs: number; learningRate: number; fineTuneLearningRate: number };
}

/** Starts the loop: claim a queued run, log its epochs `epochMs` apart, complete it. */
export async function startSimAgent(api: RunningApi, datasetDir: string, options: { epochMs?: number } = {}): Promise<SimAgent> {
  const epochMs = options.epochMs ?? 700;
  const classes = fs
    .readdirSync(datasetDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const files = new Map(classes.map((c) => [c, fs.readdirSync(path.join(datasetDir, c)).sort()]));
  const { registerAgent } = await api.gql<{ registerAgent: { id: string } }>(
    "mutation($i: RegisterAgentInput!) { registerAgent(input: $i) { id } }",
    { i: { name: "sim-agent", host: "localhost", backend: "sim", cores: 1 } },
  );
  const agentId = registerAgent.id;
  let stopped = false;
  const errors: string[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const train = async (run: Claimed, seed: number) => {
    const total = run.hyperparameters.epochs + run.hyperparameters.fineTuneEpochs;
    const ceiling = 0.6 + (0.3 * ((seed * 7919) % 10)) / 10;
    for (let e = 1; e <= total && !stopped; e++) {
      const phase = e > run.hyperparameters.epochs ? "FINE_TUNE" : "HEAD";
      const acc = ceiling * (1 - Math.exp(-e / 1.5));
      await api.gql("mutation($r: ID!, $a: ID, $e: [EpochInput!]!) { logEpochs(runId: $r, agentId: $a, epochs: $e) { inserted } }", {
        r: run.id,
        a: agentId,
        e: [
          {
            epoch: e,
            phase,
            loss: 1.4 - acc,
            accuracy: Math.min(1, acc + 0.05),
            valLoss: 1.5 - acc,
            valAccuracy: acc,
            learningRate: phase === "HEAD" ? run.hyperparameters.learningRate : run.hyperparameters.fineTuneLearningRate,
            durationMs: epochMs,
            imagesPerSec: 50,
          },
        ],
      });
      await api.gql("mutation($i: HeartbeatInput!) { heartbeat(input: $i) { shouldStop } }", {
        i: { agentId, runId: run.id, backend: "sim" },
      });
      await sleep(epochMs);
    }
    // Confusion matrix over the dataset with a few errors; misclassified entries name real files.
    const n = classes.length;
    const matrix = classes.map(() => classes.map(() => 0));
    const misclassified: { file: string; trueLabel: string; predictedLabel: string; confidence: number }[] = [];
    classes.forEach((c, i) => {
      (files.get(c) ?? []).forEach((f, k) => {
        const wrong = (k + seed) % 5 === 0;
        const j = wrong ? (i + 1 + (k % (n - 1))) % n : i;
        matrix[i]![j]!++;
        if (wrong) misclassified.push({ file: `${c}/${f}`, trueLabel: c, predictedLabel: classes[j]!, confidence: 0.55 });
      });
    });
    const perClass = classes.map((label, k) => {
      const tp = matrix[k]![k]!;
      const col = matrix.reduce((s, row) => s + row[k]!, 0);
      const row = matrix[k]!.reduce((s, v) => s + v, 0);
      const precision = col ? tp / col : 0;
      const recall = row ? tp / row : 0;
      return { label, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: row };
    });
    const totalImages = matrix.flat().reduce((a, b) => a + b, 0);
    const macro = perClass.reduce((s, c) => s + c.f1, 0) / n;
    await api.gql("mutation($i: CompleteRunInput!) { completeRun(input: $i) { id } }", {
      i: {
        runId: run.id,
        agentId,
        backend: "sim",
        evaluation: {
          labels: classes,
          confusionMatrix: matrix,
          perClass,
          accuracy: classes.reduce((s, _, k) => s + matrix[k]![k]!, 0) / totalImages,
          macroF1: macro,
          weightedF1: macro,
          misclassified,
        },
      },
    });
  };

  const loop = (async () => {
    let seed = 1;
    while (!stopped) {
      try {
        const { claimRun } = await api.gql<{ claimRun: Claimed | null }>(
          "mutation($a: ID!) { claimRun(agentId: $a) { id hyperparameters { epochs fineTuneEpochs learningRate fineTuneLearningRate } } }",
          { a: agentId },
        );
        if (claimRun) await train(claimRun, seed++);
        else {
          await api.gql("mutation($i: HeartbeatInput!) { heartbeat(input: $i) { shouldStop } }", { i: { agentId } });
          await sleep(300);
        }
      } catch (e) {
        errors.push((e as Error).message);
        await sleep(500);
      }
    }
  })();
  return {
    errors,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
