/**
 * Registration's view of a dataset, by the engine's own rule (`@graft/core/listing`, which loads no
 * TensorFlow.js): a file counts as an image when its extension is one core reads and it decodes,
 * so the counts stored at registration are the images a run trains on, and everything else is
 * reported with the reason core will skip it.
 */
import { hasImageExtension, listDataset } from "@graft/core/listing";
import { type DatasetClassCount, type SkippedFileJson } from "@graft/schema/db";

/** True for a file name with an image extension the engine reads (nothing is decoded). */
export function isImageFile(name: string): boolean {
  return hasImageExtension(name);
}

/** Classes with their usable images, and the files training will skip. */
export interface DatasetScan {
  /** Class folders with at least one usable image (non-hidden subdirectories, sorted). */
  classes: DatasetClassCount[];
  skippedFiles: SkippedFileJson[];
}

/**
 * Lists class folders (non-hidden subdirectories, sorted, nested folders walked) and validates
 * every file in them by decoding it, as training will. Classes without a usable image are dropped.
 */
export async function scanClassFolders(root: string): Promise<DatasetScan> {
  const listing = await listDataset(root);
  const classes = listing.classes.map((name, i) => ({ name, count: listing.counts[i] ?? 0 })).filter((c) => c.count > 0);
  return { classes, skippedFiles: listing.skipped };
}
