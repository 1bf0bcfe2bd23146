/**
 * `npm test -w tests`: every flow and browser test on SQLite, then the flows that talk to the API
 * only over HTTP on PostgreSQL (`@graft/schema/testing` runDialectPasses). Left out of the second
 * pass: full-disk (it fills a SQLite file's disk), steer-sweep (it reads the SQLite file to check
 * what was deleted), the start script's test (npm start's own set-up) and the two-API flow (on
 * PostgreSQL in both). Arguments go to both passes.
 */
import path from "node:path";
import { runDialectPasses } from "@graft/schema/testing";
import { repoRoot } from "./paths";

runDialectPasses({
  cwd: path.join(repoRoot, "tests"),
  label: "graft flows",
  postgresFilters: [
    "flows/agent-faults",
    "flows/agent-sweep",
    "flows/checkpoint-export",
    "flows/reclaimed-run",
    "flows/seed-groups",
    "flows/train-cli",
    "flows/hyperparameter-catalogue",
    "flows/trainer-contract",
    "browser/dashboard",
  ],
});
