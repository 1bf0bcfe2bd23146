/** Small copies of the shared dataset, so flows train in seconds on 2 cores. */
import fs from "node:fs";
import path from "node:path";
import { plantLeavesDir } from "./paths";

/** What {@link copySubset} copied. */
export interface DatasetSubset {
  dir: string;
  classes: string[];
  imageCount: number;
}

/**
 * Copies the first `perClass` images (in name order, so the subset is the same every run) of the
 * first `classes` class folders of `source` into `dest`, with a manifest.csv holding only those rows.
 */
export function copySubset(dest: string, options: { classes?: number; perClass?: number; source?: string } = {}): DatasetSubset {
  const source = options.source ?? plantLeavesDir;
  const classNames = fs
    .readdirSync(source, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .slice(0, options.classes ?? 3);
  const kept = new Set<string>();
  for (const name of classNames) {
    fs.mkdirSync(path.join(dest, name), { recursive: true });
    const files = fs
      .readdirSync(path.join(source, name))
      .filter((f) => /\.(jpe?g|png|bmp)$/i.test(f))
      .sort()
      .slice(0, options.perClass ?? 20);
    for (const file of files) {
      fs.copyFileSync(path.join(source, name, file), path.join(dest, name, file));
      kept.add(`${name}/${file}`);
    }
  }
  const manifest = path.join(source, "manifest.csv");
  if (fs.existsSync(manifest)) {
    const [header, ...rows] = fs
      .readFileSync(manifest, "utf8")
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "");
    const keptRows = rows.filter((row) => kept.has(row.split(",", 1)[0] ?? ""));
    fs.writeFileSync(path.join(dest, "manifest.csv"), `${[header, ...keptRows].join("\n")}\n`);
  }
  return { dir: dest, classes: classNames, imageCount: kept.size };
}

/**
 * Two class folders of one 1×1 PNG each in `dir`: enough to register a dataset, for flows whose
 * agents train with the fake engine and read no image.
 */
export function tinyDataset(dir: string): void {
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  for (const cls of ["a", "b"]) {
    fs.mkdirSync(path.join(dir, cls), { recursive: true });
    fs.writeFileSync(path.join(dir, cls, "1.png"), png);
  }
}
