// Bootstrap of a frozen-part worker. Core ships TypeScript source run through tsx, but a worker
// thread inherits neither a loader that `register()` added at runtime nor vitest's vite-node, so
// it registers tsx's ESM loader itself before importing the TypeScript entry.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
