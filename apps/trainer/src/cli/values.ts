/** Parsers for flag values: each throws a {@link UsageError} that names the flag and quotes the value. */
import path from "node:path";
import fs from "node:fs";
import { MAX_WORKERS } from "@graft/core/workers";
import { ApiUrlError, parseApiUrl } from "@graft/config/api-url";
import { UsageError } from "./errors";

/** An integer flag (`--epochs 20`), at least `min`. */
export function parseIntFlag(flag: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min) {
    throw new UsageError(`--${flag} expects an integer >= ${min}, got "${value}"`);
  }
  return n;
}

/**
 * `--workers N|auto`: frozen-base worker threads (core's `TrainOptions.workers`). The range is
 * core's (0 to MAX_WORKERS, read from core's TF.js-free `@graft/core/workers`); checked here as well so a typo exits 2 before any model loads.
 */
export function parseWorkersFlag(value: string | undefined): number | "auto" | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "auto") return "auto";
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 0 || n > MAX_WORKERS) {
    throw new UsageError(`--workers expects "auto" or an integer from 0 to ${MAX_WORKERS}, got "${value}"`);
  }
  return n;
}

/** A number flag (`--lr 1e-3`), finite. */
export function parseFloatFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--${flag} expects a number, got "${value}"`);
  return n;
}

/** `--head 128,64` → [128, 64]; `--head none` or `--head ""` → [] (a linear head). */
export function parseHead(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "" || value.trim() === "none") return [];
  return value.split(",").map((part) => {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(`--head expects comma-separated positive integers (e.g. 128,64), got "${value}"`);
    return n;
  });
}

/**
 * `--group-by manifest.csv:leaf_group` → the manifest path and column. A relative manifest path is
 * taken from the working directory when it exists there, otherwise from the dataset directory (where
 * a dataset's own manifest usually lives).
 */
export function parseGroupBy(
  value: string | undefined,
  dataDir: string,
  cwd = process.cwd(),
): { manifest: string; column: string } | undefined {
  if (value === undefined) return undefined;
  const at = value.lastIndexOf(":");
  const file = value.slice(0, at);
  const column = value.slice(at + 1);
  if (at <= 0 || column === "")
    throw new UsageError(`--group-by expects MANIFEST.csv:COLUMN (e.g. manifest.csv:leaf_group), got "${value}"`);
  const fromCwd = path.resolve(cwd, file);
  const manifest = path.isAbsolute(file) || fs.existsSync(fromCwd) ? fromCwd : path.resolve(dataDir, file);
  return { manifest, column };
}

/**
 * The API's GraphQL endpoint from `--api` or GRAFT_API_URL (`setting` names which), by the rule every
 * Graft process shares: the endpoint itself, or the bare origin as shorthand; anything else exits 2.
 */
export function parseApiFlag(value: string, setting: string): string {
  try {
    return parseApiUrl(value, setting).graphql;
  } catch (error) {
    if (error instanceof ApiUrlError) throw new UsageError(error.message);
    throw error;
  }
}
