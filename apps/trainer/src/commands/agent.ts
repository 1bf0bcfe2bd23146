/** `graft agent`: flags, then {@link startAgent} until the queue is empty (--once) or a signal. */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startAgent } from "../agent/agent";
import { EXIT, UsageError } from "../cli/errors";
import type { CliIo } from "../cli/io";
import { parseApiFlag, parseIntFlag, parseWorkersFlag } from "../cli/values";
import { ModelFilesClient } from "../files/model-files";
import { GraphQLClient } from "../graphql/client";

export const AGENT_HELP = `Usage: graft agent --api URL --token T [options]

Claims queued runs from a Graft API, trains each with its exact hyperparameters and reports every
epoch, the evaluation and the checkpoint. Start as many as you like, on one machine or many.

  --api URL            the API's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql
                       (default GRAFT_API_URL)
  --token T            API token (default GRAFT_API_TOKEN)
  --name NAME          agent name shown in the dashboard (default <host>-<pid>)
  --concurrency N      runs trained at once in this process (default 1). They share one TF.js
                       backend, so on a CPU machine more than 1 only overlaps I/O; prefer more agents
                       on more machines.
  --models-dir DIR     local weights (default GRAFT_MODELS_DIR)
  --cache-dir DIR      feature cache, journal and checkpoints (default GRAFT_CACHE_DIR or ~/.cache/graft);
                       keep one per agent machine so a sweep pays for the base once per image
  --backend NAME       onnxruntime (the frozen base on ONNX Runtime), or a TF.js backend for
                       the whole run: tensorflow, wasm, cpu (default GRAFT_BACKEND, else the
                       fastest engines present)
  --workers N|auto     worker threads for the frozen base's forward pass of each run, on wasm/cpu
                       (default GRAFT_WORKERS, else 0 = main thread; auto = cores - 1, at most 4)
  --once               exit when no run is queued instead of waiting for more

SIGINT/SIGTERM: the current epoch finishes, the run is handed back with failRun
("agent stopped ... queue it again to retry") and the agent exits 0. A second signal exits at once;
a run left that way (or by SIGKILL) is re-queued by the API when its lease lapses.`;

/** Runs `graft agent`; returns the exit code. */
export async function agentCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      api: { type: "string" },
      token: { type: "string" },
      name: { type: "string" },
      concurrency: { type: "string" },
      "models-dir": { type: "string" },
      "cache-dir": { type: "string" },
      backend: { type: "string" },
      workers: { type: "string" },
      once: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(`${AGENT_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`graft agent takes no positional arguments, got "${positionals.join(" ")}"`);
  const rawUrl = values.api ?? io.env.GRAFT_API_URL;
  if (!rawUrl)
    throw new UsageError("graft agent needs --api URL (or GRAFT_API_URL), the API's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql");
  const url = parseApiFlag(rawUrl, values.api !== undefined ? "--api" : "GRAFT_API_URL");
  const concurrency = parseIntFlag("concurrency", values.concurrency, 1) ?? 1;
  const workers = parseWorkersFlag(values.workers);
  const token = values.token ?? io.env.GRAFT_API_TOKEN;
  const client = new GraphQLClient({ url, token, fetch: io.fetch });
  const files = new ModelFilesClient({ url, token, fetch: io.fetch });
  const engine = await io.loadEngine();
  const cacheDir = path.resolve(
    io.cwd,
    values["cache-dir"] ?? io.env.GRAFT_CACHE_DIR ?? path.join(io.env.HOME ?? io.cwd, ".cache", "graft"),
  );
  const modelsDir = values["models-dir"] ? path.resolve(io.cwd, values["models-dir"]) : io.env.GRAFT_MODELS_DIR;
  const agent = startAgent(
    {
      name: values.name ?? `${os.hostname()}-${process.pid}`,
      concurrency,
      cacheDir,
      modelsDir,
      backend: values.backend ?? io.env.GRAFT_BACKEND,
      ...(workers === undefined ? {} : { workers }),
      once: values.once === true,
      stderr: io.stderr,
      pollMs: Number(io.env.GRAFT_AGENT_POLL_MS ?? 2_000),
    },
    { engine, client, files },
  );
  let signals = 0;
  const removeSignals = io.onSignal?.((signal) => {
    signals += 1;
    if (signals > 1) {
      io.stderr.write(`${signal} again: exiting now; the API re-queues the run when its lease lapses\n`);
      process.exit(130);
    }
    agent.stop(signal);
  });
  try {
    await agent.done;
  } finally {
    removeSignals?.();
  }
  return EXIT.ok;
}
