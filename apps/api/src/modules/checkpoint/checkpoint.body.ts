/**
 * Reading a checkpoint upload: a `multipart/form-data` body of at most the checkpoint limit,
 * parsed by the platform's own multipart parser (undici's `Response.formData()`), into file
 * parts and text fields.
 */
import { type IncomingMessage } from "node:http";
import { BodyError } from "../../http/json-body";
import { readBodyUpTo } from "../../http/raw-body";

/** The files (name → bytes) and text fields of a multipart body. */
export interface MultipartBody {
  files: Map<string, Buffer>;
  fields: Map<string, string>;
}

async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
  if (declared !== undefined && declared > limit) {
    req.resume();
    throw new BodyError(413, `Checkpoint upload of ${declared} bytes exceeds the limit of ${limit} bytes (GRAFT_CHECKPOINT_LIMIT)`);
  }
  const body = await readBodyUpTo(req, limit);
  if (body.over)
    throw new BodyError(413, `Checkpoint upload of ${body.size} bytes exceeds the limit of ${limit} bytes (GRAFT_CHECKPOINT_LIMIT)`);
  return body.bytes;
}

/**
 * Reads a multipart upload: 415 unless `multipart/form-data` without a content encoding, 413 past
 * `limit` bytes, 400 when the parts do not parse or a name comes twice.
 */
export async function readMultipart(req: IncomingMessage, limit: number): Promise<MultipartBody> {
  const contentType = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    req.resume();
    throw new BodyError(415, `A checkpoint is uploaded as multipart/form-data; got Content-Type ${JSON.stringify(contentType)}`);
  }
  if ((req.headers["content-encoding"] ?? "identity").toLowerCase() !== "identity") {
    req.resume();
    throw new BodyError(415, "A checkpoint upload takes no Content-Encoding (weights do not compress)");
  }
  const raw = await readRaw(req, limit);
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw new BodyError(400, `The multipart body does not parse: ${(error as Error).message}`);
  }
  const files = new Map<string, Buffer>();
  const fields = new Map<string, string>();
  for (const [name, value] of form.entries()) {
    if (files.has(name) || fields.has(name)) throw new BodyError(400, `The multipart body names ${JSON.stringify(name)} twice`);
    if (typeof value === "string") fields.set(name, value);
    else files.set(name, Buffer.from(await value.arrayBuffer()));
  }
  return { files, fields };
}
