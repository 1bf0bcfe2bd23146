/**
 * Entry point of the `graft` CLI: dispatches `train`, `agent`, `export` and `db`, and maps every error to an exit code
 * with a one-line message naming the cause (0 ok, 1 failure, 2 bad input).
 */
import { agentCommand, AGENT_HELP } from "./commands/agent";
import { dbCommand } from "./commands/db";
import { exportCommand } from "./commands/export";
import { trainCommand } from "./commands/train";
import { TRAIN_HELP } from "./commands/train-args";
import { asUsageError, EXIT } from "./cli/errors";
import type { CliIo } from "./cli/io";
import { isUserError, loadEngine } from "./engine/engine";

export const HELP = `Usage: graft <command> [options]

Commands:
  train    train one run from the terminal (optionally logged to an API with --api)
  agent    claim queued runs from a Graft API and train them
  export   write a run's model (TF.js files, labels, preprocessing, model card) into a folder
  db copy  copy a tracker between databases (SQLite file ↔ PostgreSQL), e.g. to move it to PostgreSQL

Run \`graft <command> --help\` for the options of a command.`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.stdout.write(`${HELP}\n`);
        return command === undefined ? EXIT.badInput : EXIT.ok;
      case "train":
        return await trainCommand(rest, io);
      case "agent":
        return await agentCommand(rest, io);
      case "export":
        return await exportCommand(rest, io);
      case "db":
        return await dbCommand(rest, io);
      default:
        io.stderr.write(`graft: unknown command "${command}"\n\n${HELP}\n`);
        return EXIT.badInput;
    }
  } catch (error) {
    const usage = asUsageError(error);
    if (usage) {
      io.stderr.write(`graft ${command}: ${usage.message} (see graft ${command} --help)\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (isUserError(error)) {
      io.stderr.write(`graft ${command}: ${message}\n`);
      return EXIT.badInput;
    }
    io.stderr.write(`graft ${command}: ${error instanceof Error ? `${error.name}: ` : ""}${message}\n`);
    if (io.env.GRAFT_DEBUG && error instanceof Error) io.stderr.write(`${error.stack ?? ""}\n`);
    return EXIT.failure;
  }
}

/** The process-level IO: real streams, env, signals and the real engine. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    loadEngine,
    onSignal: (handler) => {
      const listener = (signal: NodeJS.Signals): void => handler(signal);
      process.on("SIGINT", listener);
      process.on("SIGTERM", listener);
      return () => {
        process.off("SIGINT", listener);
        process.off("SIGTERM", listener);
      };
    },
  };
}

/** Runs the CLI on `process.argv` and exits with its code. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), processIo());
  // Flush stdout before exiting: `--json` output piped to another process must arrive whole.
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(code);
}

export { AGENT_HELP, TRAIN_HELP };
