import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Vite would resolve our own `import "graphql"` to its ESM build (index.mjs) while the
    // externalised type-graphql / Apollo load the CommonJS build under Node: two graphql realms.
    // Pin the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["src/**/*.test.ts"],
    // Integration tests start real servers and child processes: one file at a time keeps a
    // 2-core machine responsive.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
