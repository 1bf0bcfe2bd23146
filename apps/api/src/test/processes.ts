import { type ChildProcess, spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** apps/api, where tsx finds the tsconfig with experimental decorators. */
export const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A server running in a child process. */
export interface ChildServer {
  url: string;
  token: string;
  child: ChildProcess;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns `src/test/serve.ts` under tsx with `env` and waits for its ready line. */
export function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/test/serve.ts"], {
    cwd: API_DIR,
    env: { ...process.env, GRAFT_API_PORT: "0", GRAFT_API_QUIET: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolveReady, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server child did not start in 60 s: ${stderr}`)), 60_000);
    child.once("exit", (code) => reject(new Error(`server child exited with ${code}: ${stderr}`)));
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; token: string };
      resolveReady({
        ...info,
        child,
        kill: (signal = "SIGTERM") =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill(signal);
          }),
      });
    });
  });
}
