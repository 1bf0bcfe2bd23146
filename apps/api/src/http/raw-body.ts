import { type IncomingMessage } from "node:http";

/** A body read up to a limit: its bytes, or (past the limit) how many bytes arrived in all. */
export type LimitedBody = { over: false; bytes: Buffer } | { over: true; size: number };

/**
 * Reads a raw body, keeping at most `limit` bytes. Past the limit the rest is still read and
 * dropped, so the 413 the caller sends reaches the client instead of a reset connection (which an
 * agent would take for a network error and retry).
 */
export async function readBodyUpTo(req: IncomingMessage, limit: number): Promise<LimitedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? { over: true, size } : { over: false, bytes: Buffer.concat(chunks) };
}
