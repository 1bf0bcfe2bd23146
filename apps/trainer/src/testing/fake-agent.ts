/**
 * `graft` with the fake engine, for cross-app flows (tests/flows) that need real agent processes
 * whose numbers are known: the real CLI, agent loop, heartbeats, reporter, journal and HTTP client,
 * in a process of their own, with only the training replaced. Run it like the CLI:
 *
 *   node --import tsx apps/trainer/src/testing/fake-agent.ts agent --api URL --token T --name N
 *
 * GRAFT_FAKE_VARIANT (default 0) shifts every metric it reports (see variant-engine.ts);
 * GRAFT_FAKE_EPOCH_MS (default 0) is the time each epoch takes.
 */
import { processIo, runCli } from "../cli";
import { variantEngine } from "./variant-engine";

function numberVar(name: string): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? 0 : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0; got ${JSON.stringify(raw)}`);
  return value;
}

const engine = variantEngine(numberVar("GRAFT_FAKE_VARIANT"), numberVar("GRAFT_FAKE_EPOCH_MS"));
const code = await runCli(process.argv.slice(2), { ...processIo(), loadEngine: async () => engine });
process.exit(code);
