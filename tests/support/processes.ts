/** Child processes for flows: output capture, waiting on output, and clean stops. */
import { spawn, type ChildProcess } from "node:child_process";
import { waitFor } from "./wait";

/** A spawned process with its combined output. */
export interface ManagedProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once it exited. */
  exited: Promise<number | string>;
  /** Waits until the output matches `pattern`; fails early if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends `signal` and waits for the exit, SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | string>;
  /**
   * Sends `signal` to the process's whole group, as a terminal's Ctrl-C does to the foreground job
   * (only for processes spawned with `processGroup: true`).
   */
  signalGroup(signal: NodeJS.Signals): void;
}

/** Spawns `command args` with captured output; `GRAFT_TEST_ECHO=1` also echoes it with `label`. */
export function spawnManaged(
  label: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; /** Lead a new process group (see signalGroup). */ processGroup?: boolean },
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.processGroup === true,
  });
  let text = "";
  const echo = process.env.GRAFT_TEST_ECHO === "1";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (echo) process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `[${label}] `));
    });
  }
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  let exitValue: number | string | null = null;
  void exited.then((v) => (exitValue = v));
  return {
    child,
    output: () => text,
    exited,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      return waitFor(
        () => {
          const match = text.match(pattern);
          if (match) return match;
          if (exitValue !== null)
            throw new Error(`${label} exited (${exitValue}) before printing ${pattern}; output:\n${text.slice(-3000)}`);
          return null;
        },
        { timeoutMs, what: `${label} to print ${pattern}` },
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n--- ${label} output ---\n${text.slice(-3000)}`);
      });
    },
    signalGroup(signal) {
      if (options.processGroup !== true || child.pid === undefined) throw new Error(`${label} was not started as a process group`);
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group is gone already
      }
    },
    async stop(signal = "SIGTERM", graceMs = 30_000) {
      if (exitValue !== null) return exitValue;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const value = await exited;
      clearTimeout(timer);
      return value;
    },
  };
}
