/**
 * Test support for cross-app flows: start the real API on a free port with a temp SQLite dir and a
 * token ({@link startApi}), run real `graft agent` processes ({@link startAgentProcess}) and
 * `graft` commands ({@link runGraft}), copy small subsets of the shared dataset ({@link copySubset}),
 * and wait on conditions ({@link waitFor}). Shared assets are found through GRAFT_SHARED_DIR or
 * `../shared`; {@link sharedAssetsMissing} gives the reason to skip when they are absent.
 */
export * from "./agents";
export * from "./api";
export * from "./datasets";
export * from "./failover-proxy";
export * from "./fake-agents";
export * from "./graphql";
export * from "./paths";
export * from "./postgres";
export * from "./processes";
export * from "./subscriptions";
export * from "./wait";
