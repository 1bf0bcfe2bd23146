import { readdirSync } from "node:fs";
import { extname, join } from "node:path";
import { type DatasetClassCount } from "@graft/schema/db";

/** File extensions counted as images (a light scan: names only, nothing is decoded). */
export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp"]);

/** True for a file name with an image extension. */
export function isImageFile(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extname(name).toLowerCase());
}

/**
 * Lists class folders (non-hidden subdirectories, sorted) and counts the image files in each,
 * descending into nested folders. Classes without images are dropped.
 */
export function scanClassFolders(root: string): DatasetClassCount[] {
  const classes: DatasetClassCount[] = [];
  const entries = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  for (const name of entries) {
    const count = countImages(join(root, name), 0);
    if (count > 0) classes.push({ name, count });
  }
  return classes;
}

function countImages(dir: string, depth: number): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    if (e.isFile() && isImageFile(e.name)) n++;
    // A few levels only: enough for class/subset/img.jpg layouts, bounded on odd trees.
    else if (e.isDirectory() && depth < 4) n += countImages(join(dir, e.name), depth + 1);
  }
  return n;
}
