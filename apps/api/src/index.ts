/** @graft/api: start the server programmatically (tests, the root start script). */
export { startServer, type RunningServer } from "./server";
export { loadConfig, ConfigError, type ApiConfig } from "./config/env";
