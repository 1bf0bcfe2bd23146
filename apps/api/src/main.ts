// Must stay the first import: see node-env.ts.
import "./node-env";
import { ConfigError, loadConfig } from "./config/env";
import { startServer } from "./server";

/** `npm run start -w apps/api`: configuration from the environment, graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Graft API configuration error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const server = await startServer(config);
  console.log(`Graft API ready at ${server.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    // Give in-flight requests a bounded time, then exit regardless.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

await main();
