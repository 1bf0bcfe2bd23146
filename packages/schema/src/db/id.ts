import { randomBytes } from "node:crypto";

/**
 * Time-ordered ids (UUIDv7 layout: 48-bit ms timestamp, then a 12-bit per-millisecond counter,
 * then random bits). Ordering by id therefore follows creation order even within one millisecond
 * in this process, which gives the claim queue and keyset pagination a stable, meaningful tiebreak.
 * Plain text, so the same column works on Postgres (`uuid` or `text`).
 */
let lastMs = 0;
let counter = 0;

/** A new UUIDv7-style id string, monotonic within this process. */
export function newId(now: number = Date.now()): string {
  if (now <= lastMs) {
    // Same (or a clock that stepped back) millisecond: keep the previous timestamp and count up,
    // so ids never go backwards in this process.
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = 0;
  }
  const bytes = randomBytes(16);
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
