// Shared flat ESLint config for every workspace: the recommended TypeScript rules,
// plus the house rule that `any` needs a reason (an eslint-disable comment says it).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** @type {import("typescript-eslint").ConfigArray} */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/.next/**", "**/node_modules/**", "**/*.generated.ts", "**/next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Test helpers live in `testing/` (or `test/`) folders; product code never reaches into them
    // (tests and benchmarks may).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "**/test/**", "**/support/**", "**/bench/**", "tests/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/testing", "**/testing/*", "**/test/*"], message: "Test helpers are for tests only." }] },
      ],
    },
  },
);
