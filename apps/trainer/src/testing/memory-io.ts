/** An in-memory {@link CliIo} for running `graft` commands inside a test. */
import { Writable } from "node:stream";
import type { CliIo } from "../cli/io";
import type { Engine } from "../engine/engine";

/** The io plus what was written. */
export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/** Creates an io whose engine is `engine` and whose streams are buffers. */
export function memoryIo(engine: Engine, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): MemoryIo {
  const stdout = sink();
  const stderr = sink();
  return {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    loadEngine: async () => engine,
    out: stdout.text,
    err: stderr.text,
  };
}
