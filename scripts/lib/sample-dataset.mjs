// A generated sample dataset for the demo when no real photos are at hand (no network needed):
// three classes of synthetic "leaves" that differ in colour and texture, in the class-folder layout.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const SIZE = 128;
const CLASSES = {
  healthy: { base: [60, 140, 60], mark: null },
  rust: { base: [70, 130, 50], mark: [200, 110, 30] },
  scorch: { base: [120, 110, 50], mark: [90, 50, 30] },
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function leaf(rng, { base, mark }) {
  const px = Buffer.alloc(SIZE * SIZE * 3);
  const cx = SIZE / 2 + (rng() - 0.5) * 20;
  const cy = SIZE / 2 + (rng() - 0.5) * 20;
  const rx = 35 + rng() * 15;
  const ry = 50 + rng() * 10;
  const spots = Array.from({ length: mark ? 6 + Math.floor(rng() * 8) : 0 }, () => ({
    x: cx + (rng() - 0.5) * rx * 1.4,
    y: cy + (rng() - 0.5) * ry * 1.4,
    r: 3 + rng() * 6,
  }));
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const inside = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
      let rgb = inside ? base : [225, 225, 220];
      if (inside && spots.some((s) => (x - s.x) ** 2 + (y - s.y) ** 2 <= s.r ** 2)) rgb = mark;
      const i = (y * SIZE + x) * 3;
      for (let c = 0; c < 3; c++) px[i + c] = Math.max(0, Math.min(255, rgb[c] + (rng() - 0.5) * 30));
    }
  }
  return px;
}

/**
 * Writes `perClass` images per class under `dir` (skipped when it already holds them) and returns `dir`.
 */
export async function ensureSampleDataset(dir, perClass = 24, seed = 7) {
  const rng = mulberry32(seed);
  for (const [name, spec] of Object.entries(CLASSES)) {
    const classDir = path.join(dir, name);
    fs.mkdirSync(classDir, { recursive: true });
    for (let i = 0; i < perClass; i++) {
      const file = path.join(classDir, `${name}-${String(i).padStart(3, "0")}.png`);
      const pixels = leaf(rng, spec);
      if (fs.existsSync(file)) continue;
      await sharp(pixels, { raw: { width: SIZE, height: SIZE, channels: 3 } })
        .png()
        .toFile(file);
    }
  }
  return dir;
}
