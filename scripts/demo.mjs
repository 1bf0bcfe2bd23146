#!/usr/bin/env node
// `npm run demo`: a small sweep end to end with no data of the user's. It uses the API that `npm start`
// runs when one answers (its agents do the work), else starts its own API and agent for the duration.
// Data: the team's plant-leaves photos when ../shared is present, else a generated sample dataset.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadSettingsOrExit, readToken, repoRoot, waitForHttp } from "./lib/env.mjs";
import { graphql } from "./lib/graphql.mjs";
import { ensureSampleDataset } from "./lib/sample-dataset.mjs";

const settings = loadSettingsOrExit();
const started = [];

function spawnQuiet(args, env, cwd = repoRoot) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  started.push(child);
  return child;
}

async function apiIsUp() {
  try {
    return (await fetch(`http://127.0.0.1:${settings.apiPort}/healthz`)).ok;
  } catch {
    return false;
  }
}

async function main() {
  const env = {
    GRAFT_DATA_DIR: settings.dataDir,
    GRAFT_API_PORT: String(settings.apiPort),
    GRAFT_DATA_ROOTS: settings.dataRoots.join(path.delimiter),
    ...(settings.modelsDir ? { GRAFT_MODELS_DIR: settings.modelsDir } : {}),
  };
  if (!(await apiIsUp())) {
    console.log("No API running: starting one for the demo…");
    const api = spawnQuiet(["--import", "tsx", "src/main.ts"], env, path.join(repoRoot, "apps/api"));
    await waitForHttp(`http://127.0.0.1:${settings.apiPort}/healthz`, 60_000, () => api.exitCode === null);
  }
  const token = readToken(settings.dataDir);
  const call = (query, variables) => graphql(settings.apiUrl, token, query, variables);

  const plantLeaves = path.join(settings.sharedDatasets, "plant-leaves");
  const dataPath = fs.existsSync(plantLeaves)
    ? plantLeaves
    : await ensureSampleDataset(path.join(settings.dataDir, "datasets", "sample-leaves"));
  const { registerDataset: dataset } = await call(
    `mutation($path: String!) { registerDataset(path: $path) { id name imageCount classes { name } } }`,
    { path: dataPath },
  );
  console.log(`Dataset ${dataset.name}: ${dataset.imageCount} images in ${dataset.classes.length} classes`);
  const { createExperiment: experiment } = await call(
    `mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { id } }`,
    { input: { name: `Demo ${new Date().toISOString().slice(0, 16).replace("T", " ")}`, description: "npm run demo" } },
  );
  const { createSweep: sweep } = await call(
    `mutation($input: CreateSweepInput!) { createSweep(input: $input) { id name progress { total } } }`,
    {
      input: {
        name: "demo sweep",
        experimentId: experiment.id,
        datasetId: dataset.id,
        strategy: "GRID",
        epochs: 5,
        fineTuneEpochs: 0,
        batchSize: 32,
        searchSpace: { baseModels: ["mobilenet_v1_0.25_224"], headUnits: [[64], [128]], learningRates: [0.001, 0.003] },
      },
    },
  );
  console.log(`Sweep ${sweep.id}: ${sweep.progress.total} runs queued`);

  const { agents } = await call(`{ agents { status } }`);
  if (!agents.some((a) => a.status === "ALIVE")) {
    console.log("No live agent: starting one for the demo…");
    spawnQuiet(["apps/trainer/bin/graft.mjs", "agent", "--name", "demo-agent", "--api", settings.apiUrl, "--token", token], env);
  }

  const done = new Set(["COMPLETED", "FAILED", "CANCELED", "STOPPED_EARLY"]);
  for (;;) {
    const { sweep: s } = await call(
      `query($id: ID!) { sweep(id: $id) { status progress { total completed failed } runs { name status bestValAccuracy error hyperparameters { headUnits learningRate } } } }`,
      { id: sweep.id },
    );
    process.stdout.write(`\r  ${s.progress.completed}/${s.progress.total} runs completed, ${s.progress.failed} failed   `);
    if (s.runs.every((r) => done.has(r.status))) {
      console.log("\n");
      for (const r of s.runs) {
        const acc = r.bestValAccuracy == null ? "—" : `${(r.bestValAccuracy * 100).toFixed(1)}%`;
        console.log(
          `  ${r.status.padEnd(13)} head ${JSON.stringify(r.hyperparameters.headUnits).padEnd(6)} lr ${String(r.hyperparameters.learningRate).padEnd(6)} best val acc ${acc}${r.error ? `  (${r.error})` : ""}`,
        );
      }
      console.log(`\nOpen http://localhost:${settings.webPort}/sweeps/${sweep.id} while \`npm start\` runs to compare them.`);
      return s.progress.failed > 0 ? 1 : 0;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

main()
  .then((code) => {
    for (const c of started) c.kill("SIGTERM");
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    for (const c of started) c.kill("SIGTERM");
    process.exitCode = 1;
  });
