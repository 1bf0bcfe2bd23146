/**
 * The pixels a model sees: an image decoded and resized exactly as training decodes it (core's
 * `decodeImage`: EXIF orientation, alpha dropped, the whole image stretched with libvips' bilinear
 * filter), as raw RGB bytes. The dashboard's "Try it" and Grad-CAM feed these to the run's model in
 * the browser, so its probabilities equal the agent's for the same file; a browser's own resize
 * would not.
 *
 * - `GET /datasets/:id/pixels?file=<relative path>&size=N`: a registered dataset's image.
 * - `POST /pixels?size=N`: the image in the body (a photo dropped on the page), nothing stored.
 *
 * Answers `size × size × 3` bytes (HWC, row-major) as application/octet-stream. Reads: loopback or
 * the bearer token, like GraphQL queries.
 */
import { type Request, type RequestHandler, type Response } from "express";
import { decodeImageBytes, decodeImage } from "@graft/core/image";
import { allowedOverHttp } from "./http/plain-access";
import { readBodyUpTo } from "./http/raw-body";
import { datasetImagePath } from "./images";
import { type Services } from "./modules/services";

/** The largest photo `POST /pixels` takes: phone photos run to 10-15 MB. */
export const PIXELS_UPLOAD_LIMIT = 32 * 1024 * 1024;
/** The most pixels an uploaded photo may have (a 48 MP phone photo): larger ones are refused before decoding. */
const MAX_UPLOAD_PIXELS = 50_000_000;
/** Decodes of uploads at once: each may hold a few hundred MB while libvips works. */
const MAX_UPLOAD_DECODES = 2;
let decoding = 0;
/**
 * Content types an upload must declare: none of them is CORS-safelisted, so a page on another
 * origin cannot send one without a preflight, which the API refuses.
 */
const UPLOAD_TYPES = /^(image\/[a-z0-9.+-]+|application\/octet-stream)\s*(;|$)/i;
/** The largest side asked for: every shared base's input is at most 299. */
const MAX_SIZE = 1024;

function sizeOf(req: Request, res: Response): number | null {
  const raw = req.query["size"];
  const size = typeof raw === "string" ? Number(raw) : NaN;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    res
      .status(400)
      .json({ error: `size must be an integer in [1, ${MAX_SIZE}]; got ${JSON.stringify(raw ?? null)}`, code: "BAD_USER_INPUT" });
    return null;
  }
  return size;
}

function sendPixels(res: Response, size: number, pixels: Uint8Array): void {
  res.setHeader("Content-Type", "application/octet-stream");
  res.setHeader("X-Graft-Pixels", `${size}x${size}x3`);
  res.setHeader("Cache-Control", "private, max-age=3600");
  res.end(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength));
}

function sendDecodeError(res: Response, error: unknown, shownAs?: { path: string; name: string }): void {
  const message = (error as Error).message;
  // A dataset file is named by its path in the dataset, not by where it lies on the server.
  res.status(422).json({ error: shownAs ? message.split(shownAs.path).join(shownAs.name) : message, code: "BAD_USER_INPUT" });
}

/** GET /datasets/:id/pixels */
export function datasetPixelsHandler(services: Services, token: string): RequestHandler {
  return async (req, res) => {
    if (!allowedOverHttp(req, res, token, "query")) return;
    const size = sizeOf(req, res);
    if (size === null) return;
    // Express 5 passes a rejected handler's error on to its error handler, as it did a thrown one.
    const real = await datasetImagePath(services, req.params["id"], req.query["file"]);
    if (real === null) return void res.status(404).json({ error: "not found", code: "NOT_FOUND" });
    decodeImage(real, size).then(
      (pixels) => sendPixels(res, size, pixels),
      (error: unknown) => sendDecodeError(res, error, { path: real, name: String(req.query["file"]) }),
    );
  };
}

/** POST /pixels */
export function uploadPixelsHandler(token: string): RequestHandler {
  return (req, res) => {
    if (!allowedOverHttp(req, res, token, "query")) return void req.resume();
    const size = sizeOf(req, res);
    if (size === null) return void req.resume();
    const type = req.headers["content-type"] ?? "";
    if (!UPLOAD_TYPES.test(type)) {
      res.status(415).json({
        error: `Send the photo as image/* or application/octet-stream; got Content-Type ${JSON.stringify(type)}`,
        code: "BAD_USER_INPUT",
      });
      return void req.resume();
    }
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > PIXELS_UPLOAD_LIMIT) {
      res.setHeader("Connection", "close");
      res.status(413).json({ error: `The image exceeds ${PIXELS_UPLOAD_LIMIT} bytes`, code: "BAD_USER_INPUT" });
      return void req.resume();
    }
    if (decoding >= MAX_UPLOAD_DECODES) {
      res.setHeader("Retry-After", "1");
      res.status(503).json({ error: "Busy decoding other photos; retry in a moment", code: "STORAGE_UNAVAILABLE", retryable: true });
      return void req.resume();
    }
    decoding++;
    res.on("close", () => decoding--);
    void (async () => {
      const body = await readBodyUpTo(req, PIXELS_UPLOAD_LIMIT);
      if (body.over) return void res.status(413).json({ error: `The image exceeds ${PIXELS_UPLOAD_LIMIT} bytes`, code: "BAD_USER_INPUT" });
      if (body.bytes.length === 0) return void res.status(400).json({ error: "The body holds no image", code: "BAD_USER_INPUT" });
      try {
        sendPixels(res, size, await decodeImageBytes(body.bytes, size, "the uploaded image", MAX_UPLOAD_PIXELS));
      } catch (error) {
        sendDecodeError(res, error);
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) res.status(500).json({ error: "Internal error", code: "INTERNAL_SERVER_ERROR" });
      console.error("POST /pixels failed:", error);
    });
  };
}
