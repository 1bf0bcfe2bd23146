// Cross-app flows start real processes (API, agents, TF.js training), so files run one at a time
// (2 shared cores; parallel files would only make every timeout flaky) with minute-scale timeouts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ["default"],
  },
});
