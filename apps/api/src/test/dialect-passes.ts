/**
 * `npm test -w apps/api`: the whole suite on SQLite, then on a real PostgreSQL server
 * (`@graft/schema/testing` runDialectPasses). Arguments go to both passes
 * (`npm test -w apps/api -- src/lease`).
 */
import { runDialectPasses } from "@graft/schema/testing";
import { API_DIR } from "./processes";

runDialectPasses({ cwd: API_DIR, label: "graft-api tests" });
