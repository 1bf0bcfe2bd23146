import { loadConfig } from "../config/env";
import { startServer } from "../server";

// Child-process entry for multi-process tests: starts a server from the environment and prints
// one JSON line with its URL, so the parent knows where to connect.
const server = await startServer(loadConfig());
process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token, pid: process.pid })}\n`);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
