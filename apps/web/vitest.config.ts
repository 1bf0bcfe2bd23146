import { defineConfig } from "vitest/config";

/** Unit tests only (pure functions, no browser); browser flows live in tests/browser. */
export default defineConfig({
  test: { include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"], environment: "node" },
});
