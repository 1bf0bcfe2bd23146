/**
 * Which files of a class-folder dataset are images: the one rule shared by training
 * (`scanDataset`) and the API's dataset registration (`@graft/core/listing`). No TensorFlow.js is
 * imported here, directly or through another module, so the API can load it; decoding goes through
 * sharp, the same decoder training uses, so a file that lists as usable also trains.
 */
import { readdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BadInputError } from "../errors";
import type { SkippedFile } from "../types";
import { probeImage, type ProbeResult } from "./image";
import { normalizeRelativePath } from "./manifest";
import { mapConcurrent } from "./pool";
import { StatMemo } from "../util/stat-memo";

/** File extensions (lower case, no dot) that are read as images, as in Keras' `ALLOWLIST_FORMATS`. */
export const IMAGE_EXTENSIONS: readonly string[] = ["jpg", "jpeg", "png", "webp", "bmp"];

/** True when the file name has one of {@link IMAGE_EXTENSIONS} (case-insensitive); nothing is read. */
export function hasImageExtension(file: string): boolean {
  return IMAGE_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase());
}

/** A usable image of a listing: its path relative to the root (forward slashes) and its class. */
export interface ListedImage {
  file: string;
  absPath: string;
  /** Index into {@link DatasetListing.classes}. */
  label: number;
}

/** What {@link listDataset} found: every class folder, its usable images, and what was skipped and why. */
export interface DatasetListing {
  root: string;
  /** Non-hidden subfolders, sorted by code point: the label order everywhere downstream. */
  classes: string[];
  /** Usable images per class, aligned with {@link classes}. */
  counts: number[];
  /** Sorted by `file`. */
  images: ListedImage[];
  /** Files in class folders that training does not use, with the reason; sorted by `file`. */
  skipped: SkippedFile[];
}

/** Options of {@link listDataset}. */
export interface ListDatasetOptions {
  /** Images validated at once; default `os.cpus().length * 2` (decoding waits on I/O too). */
  concurrency?: number;
}

/**
 * Lists the class folders of `root` and validates every file in them:
 *
 * - classes are the non-hidden subdirectories (symlinks to directories count), sorted; files
 *   directly inside `root` are ignored, as in Keras;
 * - inside a class folder subfolders are walked recursively, hidden files and folders ignored;
 * - a file is usable when its extension is one of {@link IMAGE_EXTENSIONS} and it decodes; every
 *   other file lands in `skipped` with the reason (extension, empty file, decode error).
 *
 * Unlike `scanDataset` it applies no training thresholds (at least 2 classes of 2 images): the
 * caller decides what is enough.
 * @throws BadInputError when the root is missing or not a directory, or `concurrency` is invalid.
 */
export async function listDataset(root: string, options: ListDatasetOptions = {}): Promise<DatasetListing> {
  const absRoot = path.resolve(root);
  const rootStat = await stat(absRoot).catch(() => null);
  if (rootStat === null) throw new BadInputError(`Dataset root "${root}" does not exist`);
  if (!rootStat.isDirectory()) throw new BadInputError(`Dataset root "${root}" is not a directory`);
  const concurrency = options.concurrency ?? os.cpus().length * 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new BadInputError(`listDataset: concurrency must be a positive integer, received ${String(concurrency)}`);
  }
  const classes = await listClassFolders(absRoot);
  const candidates: ListedImage[] = [];
  const skipped: SkippedFile[] = [];
  for (const [label, name] of classes.entries()) {
    for (const file of await listFiles(path.join(absRoot, name))) {
      const rel = normalizeRelativePath(path.relative(absRoot, file).split(path.sep).join("/"));
      if (!hasImageExtension(file)) {
        skipped.push({ file: rel, reason: `unsupported extension "${path.extname(file)}" (images are ${IMAGE_EXTENSIONS.join(", ")})` });
        continue;
      }
      candidates.push({ file: rel, absPath: file, label });
    }
  }
  const probes = await mapConcurrent(candidates, concurrency, (entry) => probeRemembered(entry.absPath));
  const images: ListedImage[] = [];
  probes.forEach((probe, i) => {
    const entry = candidates[i] as ListedImage;
    if (probe.ok) images.push(entry);
    else skipped.push({ file: entry.file, reason: probe.reason });
  });
  images.sort((a, b) => compareStrings(a.file, b.file));
  skipped.sort((a, b) => compareStrings(a.file, b.file));
  const counts = classes.map(() => 0);
  for (const image of images) counts[image.label] = (counts[image.label] ?? 0) + 1;
  return { root: absRoot, classes, counts, images, skipped };
}

/** Code-point comparison: locale-independent, so label order is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Probe results of this process: probing decodes every image (≈2 ms each through sharp, 1.6 s for
 * 720 photos); an agent training a sweep lists the same dataset once per run, so later runs only stat.
 */
const remembered = new StatMemo<ProbeResult>();

function probeRemembered(absPath: string): Promise<ProbeResult> {
  return remembered.get(absPath, async (size) => (size === 0 ? { ok: false, reason: "empty file (0 bytes)" } : probeImage(absPath)));
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
