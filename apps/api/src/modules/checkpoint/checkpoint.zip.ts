/**
 * `model.zip` written to the response as it is read: the weights pass through uncompressed from a
 * file stream (they do not compress, and a 500 MB model must not sit in memory or block the event
 * loop), the small text files are deflated. Backpressure from the client pauses the file stream.
 */
import { type ServerResponse } from "node:http";
import { createReadStream } from "node:fs";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

/** One entry of the zip: bytes already in memory, or a file to stream. */
export type ZipEntry = { name: string; bytes: Uint8Array } | { name: string; path: string };

/** Writes `entries` as a zip to `res` (headers already set) and ends it; destroys `res` on a read error. */
export async function streamZip(res: ServerResponse, entries: readonly ZipEntry[]): Promise<void> {
  const zip = new Zip((error, chunk, final) => {
    if (error) return void res.destroy(error);
    res.write(chunk);
    if (final) res.end();
  });
  for (const entry of entries) {
    if ("bytes" in entry) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      zip.add(file);
      file.push(entry.bytes, true);
      continue;
    }
    const file = new ZipPassThrough(entry.name);
    zip.add(file);
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(entry.path);
      stream.on("data", (chunk) => {
        file.push(chunk as Buffer);
        // The client is slower than the disk: hold the file stream until the socket drains.
        if (res.writableNeedDrain) {
          stream.pause();
          res.once("drain", () => stream.resume());
        }
      });
      stream.on("end", () => {
        file.push(new Uint8Array(0), true);
        resolve();
      });
      stream.on("error", reject);
      res.once("close", () => stream.destroy());
    });
  }
  zip.end();
}
