#!/usr/bin/env node
// The `graft` command. The CLI is TypeScript run through tsx (no build step, as for every Node app
// in this repo), so tsx's ESM loader is registered before the source is imported.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
await main();
