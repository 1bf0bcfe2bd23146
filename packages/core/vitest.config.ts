import { defineConfig } from "vitest/config";

/**
 * Unit tests of the engine. Some decode real photos or run TF.js kernels on the pure-JS `cpu`
 * backend, which is slow on shared CI cores, hence the generous per-test timeout.
 */
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
