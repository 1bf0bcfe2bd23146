/**
 * Listing a Keras `flow_from_directory` dataset: one subfolder per class, images anywhere below it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { BadInputError } from "../errors";
import type { DatasetIndex, ImageEntry } from "../types";
import { listDataset } from "./listing";
import { readManifest, type ManifestOptions } from "./manifest";

export { IMAGE_EXTENSIONS, compareStrings } from "./listing";

/** Options of {@link scanDataset}. */
export interface ScanOptions {
  /** A CSV giving each image a group (see {@link ManifestOptions}). */
  manifest?: ManifestOptions;
  /** Images validated at once; default `os.cpus().length * 2` (decoding waits on I/O too). */
  concurrency?: number;
}

/**
 * Scans `root` for class folders and validates every image by decoding it, with the rule of
 * {@link listDataset} (the one the API's registration uses too), then checks that it can train.
 *
 * - Classes are the non-hidden subdirectories, sorted by name (code-point order): that is the label
 *   order. Files directly inside `root` are ignored, as in Keras.
 * - Inside a class folder, subfolders are walked recursively; hidden files and folders are ignored.
 * - Files with another extension, empty files and files that fail to decode land in `skipped` with
 *   a reason.
 * - With a manifest, each image gets `group` from its row; an empty cell or a missing row makes the
 *   image its own group (its `file` is the key), so group-wise splits still place it.
 *
 * Images are listed sorted by `file`, so the result does not depend on the filesystem's order.
 * @throws BadInputError when the root is missing or not a directory, has fewer than 2 classes, has
 *   no usable image, or a class has fewer than 2 usable images; and for manifest problems.
 */
export async function scanDataset(root: string, options: ScanOptions = {}): Promise<DatasetIndex> {
  const listing = await listDataset(root, options.concurrency === undefined ? {} : { concurrency: options.concurrency });
  const { classes, counts, skipped } = listing;
  if (classes.length < 2) {
    throw new BadInputError(
      `Dataset "${root}" needs at least 2 class folders, found ${classes.length}` + (classes.length === 1 ? ` ("${classes[0]}")` : ""),
    );
  }
  const groups = options.manifest
    ? await readManifest(resolveManifestPath(options.manifest.path, listing.root), options.manifest.column)
    : null;
  const images: ImageEntry[] = listing.images.map((image) => {
    if (groups === null) return { ...image };
    const group = groups.get(image.file);
    return { ...image, group: group === undefined || group === "" ? image.file : group };
  });
  if (images.length === 0) {
    throw new BadInputError(`Dataset "${root}" has no usable images (${skipped.length} file(s) skipped)`);
  }
  const tooSmall = classes.filter((_, label) => (counts[label] ?? 0) < 2);
  if (tooSmall.length > 0) {
    throw new BadInputError(
      `Dataset "${root}": every class needs at least 2 usable images; ` +
        tooSmall.map((name) => `"${name}" has ${counts[classes.indexOf(name)]}`).join(", "),
    );
  }
  return { root: listing.root, classes, counts, images, skipped };
}

/** Absolute paths as given; relative ones against the working directory first, then the root. */
function resolveManifestPath(manifestPath: string, absRoot: string): string {
  if (path.isAbsolute(manifestPath)) return manifestPath;
  const fromCwd = path.resolve(manifestPath);
  if (existsSync(fromCwd)) return fromCwd;
  const fromRoot = path.resolve(absRoot, manifestPath);
  if (existsSync(fromRoot)) return fromRoot;
  throw new BadInputError(`Manifest "${manifestPath}" not found (looked in "${fromCwd}" and "${fromRoot}")`);
}
