/**
 * The checkpoint's HTTP endpoints. Binary files do not belong in GraphQL (base64 would add a third
 * and the operation limits are sized for JSON), so they travel as plain HTTP beside /graphql, with
 * the same access rule: uploads are writes (bearer token), downloads are reads (loopback or token).
 *
 * - `PUT /runs/:id/checkpoint?agentId=&attempt=`: multipart/form-data with the four files
 *   (field `datasetSha256` optional); answers `{ checkpoint }` or `{ error, code }`.
 * - `GET /runs/:id/model.zip`: the model, labels, preprocessing, README.md and card.md.
 * - `GET /runs/:id/model/:file`: one file (what `tf.loadLayersModel(url)` fetches in a browser).
 */
import { type Request, type RequestHandler, type Response } from "express";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { type GraphQLError } from "graphql";
import { type GraftErrorCode, httpStatusOf, storageFailureOf } from "../../errors";
import { drainRequest } from "../../http/drain";
import { allowedOverHttp } from "../../http/plain-access";
import { BodyError } from "../../http/json-body";
import { type Services } from "../services";
import { readMultipart } from "./checkpoint.body";
import { type PreprocessingFacts, modelCard, modelReadme } from "./checkpoint.card";
import { isCheckpointFile } from "./checkpoint.files";
import { streamZip, type ZipEntry } from "./checkpoint.zip";

/** How much of a refused upload's body is read (and dropped) so the refusal reaches the client. */
const REFUSED_DRAIN_BYTES = 64 * 1024 * 1024;

const FILE_ERRORS = new Set(["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EIO"]);

/** Answers `error` as JSON with its status and code; unknown errors are a masked 500. */
function sendError(res: Response, error: unknown): void {
  if (res.headersSent) return void res.destroy();
  if (error instanceof BodyError) return void res.status(error.status).json({ error: error.message, code: "BAD_USER_INPUT" });
  const code = (error as GraphQLError).extensions?.["code"];
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
    const extensions = (error as GraphQLError).extensions;
    return void res
      .status(httpStatusOf(code as GraftErrorCode))
      .json({ error: (error as Error).message, code, ...(extensions["field"] === undefined ? {} : { field: extensions["field"] }) });
  }
  const fileCode = (error as { code?: unknown }).code;
  if (storageFailureOf(error) || (typeof fileCode === "string" && FILE_ERRORS.has(fileCode))) {
    return void res.status(503).json({
      error: `The checkpoint could not be stored (${String(fileCode)}: ${(error as Error).message}); nothing was kept, retry once the data directory is writable`,
      code: "STORAGE_UNAVAILABLE",
      retryable: true,
    });
  }
  console.error("checkpoint endpoint failed:", error);
  res.status(500).json({ error: "Internal error", code: "INTERNAL_SERVER_ERROR" });
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === "string" ? value : "";
}

function queryText(req: Request, name: string): string | null {
  const value = req.query[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** PUT /runs/:id/checkpoint */
export function uploadCheckpointHandler(services: Services, token: string): RequestHandler {
  return (req, res) => {
    if (!allowedOverHttp(req, res, token, "mutation")) return void req.resume();
    void (async () => {
      const agentId = queryText(req, "agentId");
      const attemptText = queryText(req, "attempt");
      const attempt = Number(attemptText);
      if (agentId === null) throw new BodyError(400, "agentId (the agent holding the run) is required as a query parameter");
      if (attemptText === null || !Number.isInteger(attempt))
        throw new BodyError(
          400,
          `attempt (the run's attempts as claimRun answered it) must be an integer; got ${JSON.stringify(attemptText)}`,
        );
      await services.checkpoints.assertHolder(param(req, "id"), agentId, attempt);
      const body = await readMultipart(req, services.deps.config.checkpointLimitBytes);
      const extra = [...body.fields.keys()].filter((k) => k !== "datasetSha256");
      if (extra.length > 0) throw new BodyError(400, `Unexpected form field(s) ${JSON.stringify(extra)}; only datasetSha256 is taken`);
      const checkpoint = await services.checkpoints.upload({
        runId: param(req, "id"),
        agentId,
        attempt,
        parts: body.files,
        datasetSha256: body.fields.get("datasetSha256") ?? null,
      });
      res.json({ checkpoint });
    })().catch((error: unknown) => {
      if (req.complete || req.readableEnded) return sendError(res, error);
      // Refused before the body was read: drain a bounded amount so the answer reaches the
      // client, then close rather than receive hundreds of MB nobody will keep.
      void drainRequest(req, REFUSED_DRAIN_BYTES, 10_000).then((drained) => {
        if (!drained) res.setHeader("Connection", "close");
        sendError(res, error);
      });
    });
  };
}

const CONTENT_TYPES: Record<string, string> = {
  "model.json": "application/json",
  "labels.json": "application/json",
  "preprocessing.json": "application/json",
  "weights.bin": "application/octet-stream",
};

/** GET /runs/:id/model/:file */
export function checkpointFileHandler(services: Services, token: string): RequestHandler {
  return async (req, res) => {
    if (!allowedOverHttp(req, res, token, "query")) return;
    const name = param(req, "file");
    let file: Awaited<ReturnType<Services["checkpoints"]["file"]>>;
    try {
      file = isCheckpointFile(name) ? await services.checkpoints.file(param(req, "id"), name) : null;
    } catch (error) {
      return sendError(res, error);
    }
    if (!file) return void res.status(404).json({ error: "No such checkpoint file", code: "NOT_FOUND" });
    const etag = `"${file.sha256}"`;
    res.setHeader("ETag", etag);
    res.setHeader("Cache-Control", "private, no-cache");
    if (req.headers["if-none-match"] === etag) return void res.status(304).end();
    res.setHeader("Content-Type", CONTENT_TYPES[name] ?? "application/octet-stream");
    res.setHeader("Content-Length", String(file.bytes));
    createReadStream(file.path)
      .on("error", (error) => sendError(res, error))
      .pipe(res);
  };
}

/** A file name for the zip from the run's name: letters, digits, dot, dash and underscore. */
function zipName(runName: string): string {
  const safe = runName.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${safe || "model"}.zip`;
}

/** GET /runs/:id/model.zip */
export function modelZipHandler(services: Services, token: string): RequestHandler {
  return (req, res) => {
    if (!allowedOverHttp(req, res, token, "query")) return;
    void (async () => {
      const runId = param(req, "id");
      const checkpoint = await services.checkpoints.find(runId);
      if (!checkpoint)
        return void res.status(404).json({ error: `Run ${JSON.stringify(runId)} has no uploaded checkpoint`, code: "NOT_FOUND" });
      const run = await services.runs.get(runId);
      // The small files are read once, for the zip and for the texts written from them.
      const small = new Map<string, Uint8Array>();
      for (const name of ["model.json", "labels.json", "preprocessing.json"] as const)
        small.set(name, new Uint8Array(await readFile(services.checkpoints.pathOf(runId, name))));
      const json = <T>(name: string): T => JSON.parse(Buffer.from(small.get(name) as Uint8Array).toString("utf8")) as T;
      const preprocessing = json<PreprocessingFacts>("preprocessing.json");
      const labels = json<string[]>("labels.json");
      const card = modelCard({
        run,
        dataset: await services.datasets.find(run.datasetId),
        checkpoint,
        evaluation: (await services.evaluations.forRuns([runId])).get(runId) ?? null,
        preprocessing,
      });
      const text = (s: string) => new TextEncoder().encode(s);
      const entries: ZipEntry[] = [
        { name: "model.json", bytes: small.get("model.json") as Uint8Array },
        { name: "weights.bin", path: services.checkpoints.pathOf(runId, "weights.bin") },
        { name: "labels.json", bytes: small.get("labels.json") as Uint8Array },
        { name: "preprocessing.json", bytes: small.get("preprocessing.json") as Uint8Array },
        { name: "README.md", bytes: text(modelReadme(run.name, labels, preprocessing)) },
        { name: "card.md", bytes: text(card) },
      ];
      res.setHeader("Content-Type", "application/zip");
      res.setHeader("Content-Disposition", `attachment; filename="${zipName(run.name)}"`);
      res.setHeader("Cache-Control", "private, no-cache");
      await streamZip(res, entries);
    })().catch((error: unknown) => sendError(res, error));
  };
}
