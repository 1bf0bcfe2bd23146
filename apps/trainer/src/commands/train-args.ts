/** The flags of `graft train` and their translation into a partial TrainConfig plus run options. */
import path from "node:path";
import { parseArgs } from "node:util";
import { HYPERPARAMETER_ENTRIES, HyperparameterError, formatHyperparameter, parseHyperparameter, ruleOf } from "@graft/core/contract";
import type { TrainConfig } from "@graft/core/types";
import { UsageError } from "../cli/errors";
import { parseApiFlag, parseGroupBy, parseWorkersFlag } from "../cli/values";

/** The catalogue knobs `graft train` takes as flags: all but the API-derived ones and `--base` (required, listed apart). */
const KNOB_FLAGS = HYPERPARAMETER_ENTRIES.filter(([name, spec]) => !spec.apiOnly && name !== "baseModel");

/** One help line per knob, from the catalogue: flag, description, default and rule. */
function knobHelp(): string {
  return KNOB_FLAGS.map(([name, spec]) => {
    const left = `  --${spec.flag} ${spec.flagValue}`.padEnd(27);
    // Null is "off" (also typed as 0, as `--patience 0` always was) unless the knob says what else it means.
    const off = !spec.nullable ? "" : spec.nullMeans === undefined ? "; 0 = off" : `; "${spec.nullMeans}" = null`;
    return `${left}${spec.description} (default ${formatHyperparameter(name, spec.default)}${off}; ${ruleOf(spec)})`;
  }).join("\n");
}

export const TRAIN_HELP = `Usage: graft train --data DIR --base NAME [options]

Trains one transfer-learning run: a frozen base, a new head, optional fine-tuning.

Required:
  --data DIR               dataset root with one folder per class
  --base NAME              base model name (e.g. mobilenet_v1_0.25_224) or path to a model.json
Model and training (the hyperparameter catalogue; bad values exit 2 with the same message as the API):
${knobHelp()}
  --weights FILE.h5        Keras weights file assigned to the base by layer name (default: ImageNet);
                           with --api the run records its path and sha256
  --group-by CSV:COLUMN    keep images of one group on one side of the split (manifest.csv:leaf_group)
Output and environment:
  --out DIR                writes best/ (the delivered model: lowest val_loss, evaluated), checkpoint/
                           (final weights), metrics.json, confusion-matrix.json (default ./runs/<time>)
  --backend NAME           onnxruntime (the frozen base on ONNX Runtime), or a TF.js backend
                           for the whole run: tensorflow, wasm, cpu (default: GRAFT_BACKEND,
                           else the fastest engines present)
  --workers N|auto         worker threads for the frozen base's forward pass on wasm/cpu (default
                           GRAFT_WORKERS, else 0 = main thread; auto = cores - 1, at most 4)
  --models-dir DIR         local weights (default GRAFT_MODELS_DIR)
  --cache-dir DIR          feature cache and journal (default GRAFT_CACHE_DIR or ~/.cache/graft)
  --json                   print one JSON object with the results on stdout at the end
Logging to a Graft API (scripted runs beside dashboard sweeps):
  --api URL                the API's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql
  --token T                API token (default GRAFT_API_TOKEN)
  --experiment NAME        file the run under this experiment (created if missing)
  --name NAME              run name

Exit codes: 0 success, 1 failure, 2 bad input (flags, paths, unknown model, corrupt weights).`;

/**
 * A knob's flag value through the catalogue's one parser and check; a bad value is a UsageError
 * naming the flag, with the catalogue's message (the API's and core's for the same value).
 */
function parseKnob(name: string, flag: string, text: string): unknown {
  try {
    return parseHyperparameter(name, text);
  } catch (e) {
    if (e instanceof HyperparameterError) throw new UsageError(`--${flag} ${JSON.stringify(text)}: ${e.message}`);
    throw e;
  }
}

/** Parsed `graft train` command line. */
export interface TrainArgs {
  dataDir: string;
  config: Partial<TrainConfig>;
  outDir: string;
  groupBy?: { manifest: string; column: string };
  backend?: string;
  /** `--workers`: core's `TrainOptions.workers`; absent = core's default (GRAFT_WORKERS, else 0). */
  workers?: number | "auto";
  modelsDir?: string;
  /** Absolute path of a Keras `.h5` weights file (`--weights`); absent = the base's own weights. */
  weights?: string;
  cacheDir: string;
  json: boolean;
  api?: { url: string; token?: string; experiment?: string; name?: string };
  help: boolean;
}

/** Parses `graft train` flags (after the subcommand); throws UsageError naming a bad flag or value. */
export function parseTrainArgs(argv: string[], env: NodeJS.ProcessEnv, cwd: string, now = new Date()): TrainArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      ...Object.fromEntries(KNOB_FLAGS.map(([, spec]) => [spec.flag, { type: "string" as const }])),
      data: { type: "string" },
      base: { type: "string" },
      out: { type: "string" },
      "group-by": { type: "string" },
      backend: { type: "string" },
      workers: { type: "string" },
      "models-dir": { type: "string" },
      weights: { type: "string" },
      "cache-dir": { type: "string" },
      api: { type: "string" },
      token: { type: "string" },
      experiment: { type: "string" },
      name: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const text = values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  if (positionals.length > 0) throw new UsageError(`graft train takes no positional arguments, got "${positionals.join(" ")}"`);
  if (help) return { help, dataDir: "", config: {}, outDir: "", cacheDir: "", json: false };
  if (!values.data) throw new UsageError("graft train needs --data DIR (a folder with one subfolder per class)");
  if (!values.base) throw new UsageError("graft train needs --base NAME (e.g. mobilenet_v1_0.25_224)");
  const dataDir = path.resolve(cwd, values.data);
  const config: Record<string, unknown> = { baseModel: values.base };
  // Each knob through the catalogue: its parse (`--patience 0` = off, `--augment standard`) and bounds.
  for (const [name, spec] of KNOB_FLAGS) {
    const given = text[spec.flag];
    if (typeof given === "string") config[name] = parseKnob(name, spec.flag, given);
  }
  const apiUrl = values.api === undefined ? undefined : parseApiFlag(values.api, "--api");
  if (!apiUrl && (values.experiment || values.token))
    throw new UsageError(`--${values.experiment ? "experiment" : "token"} only makes sense with --api URL`);
  if (values.weights !== undefined && values.weights.trim() === "")
    throw new UsageError(`--weights needs a path to a Keras .h5 file, got "${values.weights}"`);
  const workers = parseWorkersFlag(values.workers);
  const stamp = now.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return {
    help,
    dataDir,
    config: config as Partial<TrainConfig>,
    outDir: path.resolve(cwd, values.out ?? path.join("runs", stamp)),
    groupBy: parseGroupBy(values["group-by"], dataDir, cwd),
    backend: values.backend ?? env.GRAFT_BACKEND,
    ...(workers === undefined ? {} : { workers }),
    modelsDir: values["models-dir"] ? path.resolve(cwd, values["models-dir"]) : env.GRAFT_MODELS_DIR,
    ...(values.weights === undefined ? {} : { weights: path.resolve(cwd, values.weights) }),
    cacheDir: path.resolve(cwd, values["cache-dir"] ?? env.GRAFT_CACHE_DIR ?? path.join(env.HOME ?? cwd, ".cache", "graft")),
    json: values.json === true,
    api: apiUrl ? { url: apiUrl, token: values.token ?? env.GRAFT_API_TOKEN, experiment: values.experiment, name: values.name } : undefined,
  };
}
