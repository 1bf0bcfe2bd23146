/**
 * Test support: small class-folder datasets generated in a temp directory at test time (real PNG,
 * JPEG and BMP files), and the location of the shared real-photo assets. Not used by the product.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterEach } from "vitest";
import { plantLeavesDir } from "../models/shared-dir";
import { encodeBmp } from "../data/bmp";

const plantLeaves = plantLeavesDir();

/** Whether the 720-photo plant-leaves dataset (with its manifest) is present on this machine. */
export const HAS_PLANT_LEAVES = plantLeaves !== null && existsSync(path.join(plantLeaves, "manifest.csv"));
/** Its folder; only meaningful when {@link HAS_PLANT_LEAVES}. */
export const PLANT_LEAVES = plantLeaves ?? "(shared plant-leaves dataset absent)";

/**
 * Temp datasets for one test file, each removed after the test that made it: call once at the top
 * of the file and use the returned function inside tests.
 */
export function useTempDatasets(): (files: DatasetFiles) => Promise<string> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((fn) => fn()));
  });
  return async (files) => {
    const { root, cleanup } = await writeTempDataset(files);
    cleanups.push(cleanup);
    return root;
  };
}

/** A solid-colour RGB image as raw bytes (distinct colours make decode checks meaningful). */
export function solidRgb(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return data;
}

/** Encodes raw RGB as a PNG or JPEG file body with sharp. */
export async function encodeImage(data: Uint8Array, width: number, height: number, format: "png" | "jpeg" | "webp"): Promise<Buffer> {
  return sharp(data, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

/** File contents by path relative to the dataset root. */
export type DatasetFiles = Record<string, Uint8Array | string>;

/** Writes `files` into a fresh temp directory; returns it and a cleanup function. */
export async function writeTempDataset(files: DatasetFiles): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "graft-data-"));
  for (const [rel, body] of Object.entries(files)) {
    const full = path.join(root, rel);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, body);
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/**
 * A tiny two-class dataset of 32×32 PNG squares, `perClass` reddish (`red/`) and bluish (`blue/`),
 * each a little different so every file has its own hash: enough for `train()` to learn and for
 * the feature cache to key every image apart.
 */
export async function writeColorSquares(perClass: number): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const files: DatasetFiles = {};
  for (let i = 0; i < perClass; i++) {
    files[`red/r${i}.png`] = await encodeImage(solidRgb(32, 32, [200 + i * 5, 20 + i * 7, 30]), 32, 32, "png");
    files[`blue/b${i}.png`] = await encodeImage(solidRgb(32, 32, [25, 30 + i * 6, 190 + i * 9]), 32, 32, "png");
  }
  return writeTempDataset(files);
}

/** A BMP file body of a solid colour (sharp cannot write BMP). */
export function solidBmp(width: number, height: number, rgb: [number, number, number], bits: 24 | 32 = 24): Uint8Array {
  return encodeBmp({ width, height, data: solidRgb(width, height, rgb) }, { bits });
}
