/**
 * Listing a Keras `flow_from_directory` dataset: one subfolder per class, images anywhere below it.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BadInputError } from "../errors";
import type { DatasetIndex, ImageEntry, SkippedFile } from "../types";
import { probeImage } from "./image";
import { normalizeRelativePath, readManifest, type ManifestOptions } from "./manifest";
import { mapConcurrent } from "./pool";

/** File extensions (lower case, no dot) that are read as images, as in Keras' `ALLOWLIST_FORMATS`. */
export const IMAGE_EXTENSIONS: readonly string[] = ["jpg", "jpeg", "png", "webp", "bmp"];

/** Options of {@link scanDataset}. */
export interface ScanOptions {
  /** A CSV giving each image a group (see {@link ManifestOptions}). */
  manifest?: ManifestOptions;
  /** Images validated at once; default `os.cpus().length * 2` (decoding waits on I/O too). */
  concurrency?: number;
}

/**
 * Scans `root` for class folders and validates every image by decoding it.
 *
 * - Classes are the non-hidden subdirectories, sorted by name (code-point order): that is the label
 *   order. Files directly inside `root` are ignored, as in Keras.
 * - Inside a class folder, subfolders are walked recursively; hidden files and folders are ignored.
 * - Files with another extension, and files that fail to decode, land in `skipped` with a reason.
 * - With a manifest, each image gets `group` from its row; an empty cell or a missing row makes the
 *   image its own group (its `file` is the key), so group-wise splits still place it.
 *
 * Images are listed sorted by `file`, so the result does not depend on the filesystem's order.
 * @throws BadInputError when the root is missing or not a directory, has fewer than 2 classes, has
 *   no usable image, or a class has fewer than 2 usable images; and for manifest problems.
 */
export async function scanDataset(root: string, options: ScanOptions = {}): Promise<DatasetIndex> {
  const absRoot = path.resolve(root);
  const rootStat = await stat(absRoot).catch(() => null);
  if (rootStat === null) throw new BadInputError(`Dataset root "${root}" does not exist`);
  if (!rootStat.isDirectory()) throw new BadInputError(`Dataset root "${root}" is not a directory`);
  const concurrency = options.concurrency ?? os.cpus().length * 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new BadInputError(`scanDataset: concurrency must be a positive integer, received ${String(concurrency)}`);
  }

  const classes = await listClassFolders(absRoot);
  if (classes.length < 2) {
    throw new BadInputError(
      `Dataset "${root}" needs at least 2 class folders, found ${classes.length}` +
        (classes.length === 1 ? ` ("${classes[0]}")` : ""),
    );
  }

  const groups = options.manifest ? await readManifest(resolveManifestPath(options.manifest.path, absRoot), options.manifest.column) : null;

  const candidates: Omit<ImageEntry, "group">[] = [];
  const skipped: SkippedFile[] = [];
  for (const [label, name] of classes.entries()) {
    for (const file of await listFiles(path.join(absRoot, name))) {
      const rel = normalizeRelativePath(path.relative(absRoot, file).split(path.sep).join("/"));
      const ext = path.extname(file).slice(1).toLowerCase();
      if (!IMAGE_EXTENSIONS.includes(ext)) {
        skipped.push({ file: rel, reason: `unsupported extension "${path.extname(file)}" (images are ${IMAGE_EXTENSIONS.join(", ")})` });
        continue;
      }
      candidates.push({ file: rel, absPath: file, label });
    }
  }

  const probes = await mapConcurrent(candidates, concurrency, (entry) => probeImage(entry.absPath));
  const images: ImageEntry[] = [];
  probes.forEach((probe, i) => {
    const entry = candidates[i] as ImageEntry;
    if (!probe.ok) {
      skipped.push({ file: entry.file, reason: probe.reason });
      return;
    }
    if (groups) {
      const group = groups.get(entry.file);
      entry.group = group === undefined || group === "" ? entry.file : group;
    }
    images.push(entry);
  });
  images.sort((a, b) => compareStrings(a.file, b.file));
  skipped.sort((a, b) => compareStrings(a.file, b.file));

  if (images.length === 0) {
    throw new BadInputError(`Dataset "${root}" has no usable images (${skipped.length} file(s) skipped)`);
  }
  const counts = classes.map(() => 0);
  for (const image of images) counts[image.label] = (counts[image.label] ?? 0) + 1;
  const tooSmall = classes.filter((_, label) => (counts[label] ?? 0) < 2);
  if (tooSmall.length > 0) {
    throw new BadInputError(
      `Dataset "${root}": every class needs at least 2 usable images; ` +
        tooSmall.map((name) => `"${name}" has ${counts[classes.indexOf(name)]}`).join(", "),
    );
  }
  return { root: absRoot, classes, counts, images, skipped };
}

/** Code-point comparison: locale-independent, so label order is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isHidden(name: string): boolean {
  return name.startsWith(".");
}

async function listClassFolders(absRoot: string): Promise<string[]> {
  const entries = await readdir(absRoot, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path.join(absRoot, entry.name))))) {
      names.push(entry.name);
    }
  }
  return names.sort(compareStrings);
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isDirectory() ?? false;
}

/** All non-hidden files below `dir`, recursively, as absolute paths. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (isHidden(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(full);
  }
  return out;
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
