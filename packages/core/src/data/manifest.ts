/**
 * Dataset manifests: a CSV beside (or anywhere outside) the class folders that gives each image a
 * group key, so that splits can keep every photo of one physical object on the same side.
 */
import { readFile } from "node:fs/promises";
import { BadInputError } from "../errors";
import { StatMemo } from "../util/stat-memo";
import { parseCsv } from "./csv";

/** Which manifest to read and which of its columns holds the group key. */
export interface ManifestOptions {
  /** CSV path. Relative paths are tried against the working directory, then the dataset root. */
  path: string;
  /** Header name of the group column (e.g. `leaf_group`). */
  column: string;
}

/** Turns `./a\\b.jpg` into `a/b.jpg` so manifest keys match {@link ImageEntry.file}. */
export function normalizeRelativePath(file: string): string {
  return file
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "");
}

/**
 * Parsed manifests of this process by stat stamp: a sweep reads the same manifest once per run, and
 * parsing the moonshot's 10,000 rows took ~50 ms each time. Read-only once stored.
 */
const rememberedRows = new StatMemo<readonly (readonly string[])[]>();

/**
 * Reads a manifest into `file → group` (file relative to the dataset root, forward slashes).
 * Rows whose group cell is empty map to `""`: the caller treats those images as their own group.
 * @throws BadInputError when the file cannot be read, has no `file` column, or lacks `column`
 *   (the message lists the columns that exist).
 */
export async function readManifest(absPath: string, column: string): Promise<Map<string, string>> {
  const rows = await rememberedRows.get(absPath, async () => {
    let text: string;
    try {
      text = await readFile(absPath, "utf8");
    } catch (error) {
      throw new BadInputError(`Cannot read manifest "${absPath}": ${(error as Error).message}`, { cause: error });
    }
    return parseCsv(text, `manifest "${absPath}"`);
  });
  const header = (rows[0] ?? []).map((name) => name.trim());
  const fileCol = header.indexOf("file");
  if (fileCol < 0) {
    throw new BadInputError(`Manifest "${absPath}" has no "file" column; columns are: ${formatColumns(header)}`);
  }
  const groupCol = header.indexOf(column);
  if (groupCol < 0) {
    throw new BadInputError(`Manifest "${absPath}" has no column "${column}"; columns are: ${formatColumns(header)}`);
  }
  const groups = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const file = row[fileCol];
    if (file === undefined || file.trim() === "") continue;
    groups.set(normalizeRelativePath(file), (row[groupCol] ?? "").trim());
  }
  return groups;
}

function formatColumns(header: string[]): string {
  return header.length === 0 ? "(none: the file is empty)" : header.map((h) => `"${h}"`).join(", ");
}
