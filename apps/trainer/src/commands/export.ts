/** `graft export RUN_ID --out DIR`: the run's model.zip from the API, unpacked into a folder. */
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { unzipSync } from "fflate";
import { EXIT, UsageError } from "../cli/errors";
import type { CliIo } from "../cli/io";
import { parseApiFlag } from "../cli/values";
import { ModelFilesClient, ModelFilesError } from "../files/model-files";

export const EXPORT_HELP = `Usage: graft export RUN_ID --out DIR [--api URL] [--token T] [--force]

Writes the run's delivered model, as the API keeps it, into DIR: model.json + weights.bin (a TF.js
LayersModel for tf.loadLayersModel), labels.json, preprocessing.json, README.md (how to load it)
and card.md (the model card). The same files as the dashboard's "Download model".

  --out DIR     folder to write (created when missing)
  --api URL     the API's GraphQL endpoint (default GRAFT_API_URL, else http://127.0.0.1:4000/graphql)
  --token T     API token (default GRAFT_API_TOKEN); reads from loopback need none
  --force       overwrite files already in DIR`;

/** Names the zip may hold: flat files, no paths (a hostile zip cannot write outside DIR). */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Runs `graft export`; returns the exit code. */
export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      api: { type: "string" },
      token: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(`${EXPORT_HELP}\n`);
    return EXIT.ok;
  }
  const [runId, ...extra] = positionals;
  if (runId === undefined || extra.length > 0) throw new UsageError(`graft export takes one RUN_ID, got ${JSON.stringify(positionals)}`);
  if (!values.out) throw new UsageError("graft export needs --out DIR, the folder to write the model into");
  const url = parseApiFlag(
    values.api ?? io.env.GRAFT_API_URL ?? "http://127.0.0.1:4000/graphql",
    values.api !== undefined ? "--api" : "GRAFT_API_URL",
  );
  const out = path.resolve(io.cwd, values.out);
  const client = new ModelFilesClient({ url, token: values.token ?? io.env.GRAFT_API_TOKEN, fetch: io.fetch });
  let zip: Uint8Array;
  try {
    zip = await client.downloadModelZip(runId);
  } catch (error) {
    if (error instanceof ModelFilesError) {
      io.stderr.write(`graft export: ${error.message}\n`);
      return error.status === 404 ? EXIT.badInput : EXIT.failure;
    }
    throw error;
  }
  const entries = unzipSync(zip);
  const names = Object.keys(entries);
  const unsafe = names.filter((name) => !SAFE_NAME.test(name));
  if (unsafe.length > 0) throw new Error(`the API's model.zip holds unexpected paths ${JSON.stringify(unsafe)}; nothing was written`);
  await mkdir(out, { recursive: true });
  if (!values.force) {
    const taken = [];
    for (const name of names) if (await exists(path.join(out, name))) taken.push(name);
    if (taken.length > 0) throw new UsageError(`${out} already holds ${taken.join(", ")}; pass --force to overwrite`);
  }
  for (const name of names) await writeFile(path.join(out, name), entries[name] as Uint8Array);
  io.stdout.write(`wrote ${names.sort().join(", ")} to ${out}\n`);
  return EXIT.ok;
}
