import { type IncomingMessage } from "node:http";

/**
 * Reads and discards the rest of a request body the server has refused (413), so the answer
 * reaches the client. A server that answers and closes while the client is still sending makes
 * the kernel reset the connection over unread data, and Node's `fetch` then reports `EPIPE` or
 * `ECONNRESET` instead of the 413 (body-parser drains for the same reason). Bounded: resolves
 * `false`, leaving the caller to close the connection, once more than `maxBytes` arrive or
 * `maxMs` pass; `true` once the body has ended.
 */
export function drainRequest(req: IncomingMessage, maxBytes: number, maxMs: number): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    let seen = 0;
    const finish = (drained: boolean) => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), maxMs);
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("close", onClose);
    req.resume();
  });
}
