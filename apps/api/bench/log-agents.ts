import { type ChildProcess, fork } from "node:child_process";
import { API_DIR } from "../src/test/processes";
import { type LogJob, type LogResult } from "./log-client";

/** Epochs/s and the mean time per 50-epoch batch of one measurement. */
export interface LogRate {
  rate: number;
  msPerBatch: number;
}

/**
 * A separate process playing the agents of the logEpochs bench (bench/log-client.ts), kept alive
 * across measurements. Asynchronous on this side, so the server in the bench's process keeps serving.
 */
export class LogAgents {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork("bench/log-client.ts", [], {
      cwd: API_DIR,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
  }

  /** Logs `job.batches` batches to each of `job.runIds` concurrently and returns the rate. */
  measure(job: LogJob): Promise<LogRate> {
    return new Promise<LogRate>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`bench agent process exited with ${code}`));
      this.child.once("exit", onExit);
      this.child.once("message", (message: LogResult) => {
        this.child.off("exit", onExit);
        if (!message.ok) return reject(new Error(`bench agent failed: ${message.error}`));
        const batches = message.epochs / 50;
        resolve({ rate: message.epochs / message.seconds, msPerBatch: (1000 * message.seconds) / batches });
      });
      this.child.send(job);
    });
  }

  /** Ends the agent process. */
  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}
