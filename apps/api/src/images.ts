import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { type Request, type Response } from "express";
import { allowedOverHttp } from "./http/plain-access";
import { isInside, realRoots } from "./modules/dataset/dataset.paths";
import { isImageFile } from "./modules/dataset/dataset.scan";
import { type Services } from "./modules/services";

/**
 * The real path of `file` in dataset `id` when it is an image file that stays inside the dataset
 * directory and an allowed root; null for anything else (no hints for a caller probing paths).
 */
export async function datasetImagePath(services: Services, id: unknown, file: unknown): Promise<string | null> {
  if (typeof id !== "string" || typeof file !== "string" || file === "" || file.includes("\0") || !isImageFile(file)) return null;
  const dataset = await services.datasets.find(id);
  if (!dataset) return null;
  let real: string;
  try {
    real = realpathSync(resolve(dataset.path, file));
  } catch {
    return null;
  }
  const roots = realRoots(services.deps.config.dataRoots);
  if (!isInside(dataset.path, real) || !roots.some((r) => isInside(r, real)) || !isImageFile(real)) return null;
  return real;
}

/**
 * GET /datasets/:id/image?file=<relative path>: one image of a registered dataset, for the
 * dashboard's misclassified view. The file's real path must stay inside the dataset directory
 * and an allowed root and have an image extension; anything else is a plain 404 (no hints).
 * Same read rule as GraphQL: loopback, or the bearer token.
 */
export function imageHandler(services: Services, token: string) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!allowedOverHttp(req, res, token, "query")) return;
    // Express 5 passes a rejected handler's error on to its error handler, as it did a thrown one.
    const real = await datasetImagePath(services, req.params["id"], req.query["file"]);
    if (real === null) return void res.status(404).json({ error: "not found" });
    res.setHeader("Cache-Control", "private, max-age=3600");
    res.sendFile(real, { dotfiles: "deny" }, (err) => {
      if (err && !res.headersSent) res.status(404).json({ error: "not found" });
    });
  };
}
