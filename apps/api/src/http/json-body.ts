import { type IncomingMessage } from "node:http";
import { type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/** Why a request body could not be read: the HTTP status to answer with and a message naming the problem. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

/** The body of a request that is not JSON: left for Apollo, which answers with its own 400. */
export const NOT_JSON = Symbol("not JSON");

/** A decompressing stream the raw body is piped into. */
type Decoder = Readable & NodeJS.WritableStream;

const DECODERS: Record<string, () => Decoder> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** Whether a Content-Type names JSON (`application/json`, any parameters), as express.json() decides. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semi = contentType.indexOf(";");
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase() === "application/json";
}

/** The `charset` parameter of a Content-Type, lower-cased, or undefined when absent. */
function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}

/**
 * Reads and parses a JSON request body, with the checks express.json() made: at most `limit`
 * bytes after decompression (413, refused from Content-Length before reading when it says so),
 * UTF-8 only (415), gzip/deflate/br or identity encoding (415 otherwise), and a JSON object or
 * array at the top (400). Resolves {@link NOT_JSON} when the Content-Type is not JSON and
 * `undefined` for an empty body, so Apollo can answer those requests itself.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const contentType = req.headers["content-type"];
  if (!isJsonContentType(contentType)) {
    req.resume();
    return NOT_JSON;
  }
  const charset = charsetOf(contentType as string);
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    req.resume();
    throw new BodyError(415, `Unsupported charset ${JSON.stringify(charset)}: send UTF-8 JSON`);
  }
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  const declared = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
  if (encoding === "identity" && declared !== undefined && declared > limit) {
    req.resume();
    throw new BodyError(413, `Request body of ${declared} bytes exceeds the limit of ${limit} bytes (GRAFT_API_BODY_LIMIT)`);
  }
  let decoder: Decoder | null = null;
  if (encoding !== "identity") {
    const createDecoder = DECODERS[encoding];
    if (!createDecoder) {
      req.resume();
      throw new BodyError(415, `Unsupported Content-Encoding ${JSON.stringify(encoding)}: use gzip, deflate, br or none`);
    }
    decoder = req.pipe(createDecoder());
  }
  const text = await readText(req, decoder, limit);
  if (text.trim() === "") return undefined;
  // Strict, as express.json() was: a bare scalar is never a GraphQL request.
  const first = /\S/.exec(text)?.[0];
  if (first !== "{" && first !== "[") throw new BodyError(400, "Request body must be a JSON object (or an array of them)");
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new BodyError(400, `Request body is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Collects the body (decompressed by `decoder` when there is one) as UTF-8 text, failing with 413
 * as soon as more than `limit` bytes arrive.
 */
function readText(req: IncomingMessage, decoder: Decoder | null, limit: number): Promise<string> {
  const source: Readable = decoder ?? req;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      source.removeAllListeners("data");
      // Stop decoding, and let the raw body flow again: a pipe into a destroyed decoder would
      // pause `req` for good, and the caller drains what is left (see drain.ts).
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      req.resume();
      reject(error);
    };
    source.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        fail(new BodyError(413, `Request body exceeds the limit of ${limit} bytes (GRAFT_API_BODY_LIMIT)`));
        return;
      }
      chunks.push(chunk);
    });
    source.on("error", (e: Error) => fail(source === req ? e : new BodyError(400, `Request body could not be decompressed: ${e.message}`)));
    req.once("close", () => {
      if (!req.complete) fail(new BodyError(400, "Request aborted while its body was being read"));
    });
    source.on("end", () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    });
  });
}
