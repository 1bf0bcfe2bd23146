// Must stay the first import: see node-env.ts.
import "../node-env";
import { writeSync } from "node:fs";
import { ServerResponse } from "node:http";
import { loadConfig } from "../config/env";
import { startServer } from "../server";

/**
 * The API as `src/main.ts` starts it, plus a test hook for flows about a process dying: after
 * SIGUSR2, the process SIGKILLs itself as it is about to send its next logEpochs answer. That is
 * the worst moment for a client: the epochs are committed (and their NOTIFY delivered to the other
 * processes on the database), but the agent never hears so and must send the batch again, through
 * another process, which must neither store nor announce it twice.
 */
let armed = false;
const end = ServerResponse.prototype.end as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
ServerResponse.prototype.end = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
  const [body] = args;
  if (armed && (typeof body === "string" || Buffer.isBuffer(body)) && body.toString().includes('"logEpochs"')) {
    // Synchronous: a console.log could still sit in the pipe's buffer when the process dies.
    writeSync(1, "test hook: a logEpochs batch is committed; dying before answering\n");
    process.kill(process.pid, "SIGKILL");
  }
  return end.apply(this, args);
} as typeof ServerResponse.prototype.end;

const server = await startServer(loadConfig());
console.log(`Graft API ready at ${server.url}`);
process.on("SIGUSR2", () => {
  armed = true;
  console.log("test hook: armed, dying at the next logEpochs answer");
});
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
