/** The flags of `graft train` and their translation into a partial TrainConfig plus run options. */
import path from "node:path";
import { parseArgs } from "node:util";
import type { TrainConfig } from "@graft/core/types";
import { UsageError } from "../cli/errors";
import { parseApiFlag, parseFloatFlag, parseGroupBy, parseHead, parseIntFlag, parseWorkersFlag } from "../cli/values";

export const TRAIN_HELP = `Usage: graft train --data DIR --base NAME [options]

Trains one transfer-learning run: a frozen base, a new head, optional fine-tuning.

Required:
  --data DIR               dataset root with one folder per class
  --base NAME              base model name (e.g. mobilenet_v1_0.25_224) or path to a model.json
Model and training:
  --weights FILE.h5        Keras weights file assigned to the base by layer name (default: ImageNet);
                           with --api the run records its path and sha256
  --head UNITS             dense units of the head, comma-separated (128 or 256,128; none = linear)
  --epochs N               head-training epochs
  --fine-tune-layers N     unfreeze the top N base layers afterwards (0 = no fine-tuning)
  --fine-tune-epochs N     fine-tuning epochs
  --lr X                   head learning rate          --fine-tune-lr X   fine-tuning learning rate
  --batch-size N           --dropout X                 --seed N
  --augment OPS            comma-separated: flip,vflip,rotate,zoom,translate,brightness,contrast (or none)
  --validation-split X     fraction held out for validation
  --patience N             early stopping patience on val_loss (0 = off)
  --reduce-lr-patience N   ReduceLROnPlateau patience on val_loss, both phases (0 = off, the default)
  --reduce-lr-factor F     multiply the learning rate by F on a plateau, 0 < F < 1 (default 0.5)
  --min-lr X               never reduce below X; below --lr, and below --fine-tune-lr when fine-tuning (default 0)
  --group-by CSV:COLUMN    keep images of one group on one side of the split (manifest.csv:leaf_group)
Output and environment:
  --out DIR                writes best/ (the delivered model: lowest val_loss, evaluated), checkpoint/
                           (final weights), metrics.json, confusion-matrix.json (default ./runs/<time>)
  --backend NAME           TF.js backend (default: GRAFT_BACKEND or the fastest available)
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

/** Parsed `graft train` command line. */
export interface TrainArgs {
  dataDir: string;
  config: Partial<TrainConfig>;
  augment: string | undefined;
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
      data: { type: "string" }, base: { type: "string" }, head: { type: "string" }, epochs: { type: "string" },
      "fine-tune-layers": { type: "string" }, "fine-tune-epochs": { type: "string" }, augment: { type: "string" },
      out: { type: "string" }, seed: { type: "string" }, lr: { type: "string" }, "fine-tune-lr": { type: "string" },
      "batch-size": { type: "string" }, dropout: { type: "string" }, "validation-split": { type: "string" },
      patience: { type: "string" }, "reduce-lr-patience": { type: "string" }, "reduce-lr-factor": { type: "string" }, "min-lr": { type: "string" },
      "group-by": { type: "string" }, backend: { type: "string" }, workers: { type: "string" },
      "models-dir": { type: "string" }, weights: { type: "string" }, "cache-dir": { type: "string" }, api: { type: "string" }, token: { type: "string" },
      experiment: { type: "string" }, name: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" },
    },
  });
  const help = values.help === true;
  if (positionals.length > 0) throw new UsageError(`graft train takes no positional arguments, got "${positionals.join(" ")}"`);
  if (help) return { help, dataDir: "", config: {}, augment: undefined, outDir: "", cacheDir: "", json: false };
  if (!values.data) throw new UsageError("graft train needs --data DIR (a folder with one subfolder per class)");
  if (!values.base) throw new UsageError("graft train needs --base NAME (e.g. mobilenet_v1_0.25_224)");
  const dataDir = path.resolve(cwd, values.data);
  const config: Partial<TrainConfig> = { baseModel: values.base };
  const set = <K extends keyof TrainConfig>(key: K, value: TrainConfig[K] | undefined): void => {
    if (value !== undefined) config[key] = value;
  };
  set("headUnits", parseHead(values.head));
  set("epochs", parseIntFlag("epochs", values.epochs, 0));
  set("fineTuneLayers", parseIntFlag("fine-tune-layers", values["fine-tune-layers"], 0));
  set("fineTuneEpochs", parseIntFlag("fine-tune-epochs", values["fine-tune-epochs"], 0));
  set("seed", parseIntFlag("seed", values.seed, 0));
  set("learningRate", parseFloatFlag("lr", values.lr));
  set("fineTuneLearningRate", parseFloatFlag("fine-tune-lr", values["fine-tune-lr"]));
  set("batchSize", parseIntFlag("batch-size", values["batch-size"], 1));
  set("dropout", parseFloatFlag("dropout", values.dropout));
  set("validationSplit", parseFloatFlag("validation-split", values["validation-split"]));
  const patience = parseIntFlag("patience", values.patience, 0);
  if (patience !== undefined) config.earlyStoppingPatience = patience === 0 ? null : patience;
  const reduceLrPatience = parseIntFlag("reduce-lr-patience", values["reduce-lr-patience"], 0);
  if (reduceLrPatience !== undefined) config.reduceLrPatience = reduceLrPatience === 0 ? null : reduceLrPatience;
  // Ranges (0 < factor < 1, min-lr below the rates) are core's to check, like --lr's: one rule, one message.
  set("reduceLrFactor", parseFloatFlag("reduce-lr-factor", values["reduce-lr-factor"]));
  set("minLearningRate", parseFloatFlag("min-lr", values["min-lr"]));
  const apiUrl = values.api === undefined ? undefined : parseApiFlag(values.api, "--api");
  if (!apiUrl && (values.experiment || values.token)) throw new UsageError(`--${values.experiment ? "experiment" : "token"} only makes sense with --api URL`);
  if (values.weights !== undefined && values.weights.trim() === "") throw new UsageError(`--weights needs a path to a Keras .h5 file, got "${values.weights}"`);
  const workers = parseWorkersFlag(values.workers);
  const stamp = now.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  return {
    help,
    dataDir,
    config,
    augment: values.augment,
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
