import { configDefaults, defineConfig } from "vitest/config";

/**
 * Unit tests only (pure functions, no browser); browser flows live in tests/browser.
 * `*.fixture.test.ts` files hold test data shared by several tests (the served hyperparameter
 * catalogue): named like tests so the dashboard's own source names no knob, but not run as suites.
 */
export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/*.fixture.test.ts"],
    environment: "node",
  },
});
