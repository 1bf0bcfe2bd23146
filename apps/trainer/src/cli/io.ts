/** What a command reads and writes, injected so that commands run in-process in tests. */
import type { Engine } from "../engine/engine";

/** Streams, environment and the engine loader of one CLI invocation. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Loads the engine (TF.js) on first use; a fake in unit tests. */
  loadEngine: () => Promise<Engine>;
  /** fetch for the GraphQL client; defaults to the global one. */
  fetch?: typeof fetch;
  /** Registers SIGINT/SIGTERM handlers; returns a function that removes them. No-op in tests. */
  onSignal?: (handler: (signal: string) => void) => () => void;
}
