// Must stay the first import: see node-env.ts.
import "./node-env";
import { assertWritableDataDir } from "./config/data-dir";
import { ConfigError, loadConfig } from "./config/env";
import { databaseLabel } from "./db/database-url";
import { storageFailureOf } from "./errors";
import { startServer } from "./server";

/** `npm run start -w apps/api`: configuration from the environment, graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    assertWritableDataDir(config.dataDir);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Graft API configuration error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  let server;
  try {
    server = await startServer(config);
  } catch (e) {
    // The directory passed the check but SQLite still refused the file (e.g. a corrupt or locked
    // database, a disk that filled up since), or the PostgreSQL server cannot be reached: one line
    // naming it, not a stack from deep in the driver.
    const storage = storageFailureOf(e);
    if (!storage) throw e;
    console.error(`Graft API cannot open its database ${databaseLabel(config)}: ${storage.code}: ${storage.message}`);
    process.exit(1);
  }
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
