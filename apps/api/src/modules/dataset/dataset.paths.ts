import { realpathSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import { badInput, graftError } from "../../errors";

/** True when `child` is `parent` or lies inside it (both already real, absolute paths). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Real paths of the configured roots that exist (a missing root simply allows nothing). */
export function realRoots(roots: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of roots) {
    try {
      out.push(realpathSync(r));
    } catch {
      // A root that does not exist (yet) cannot contain anything.
    }
  }
  return out;
}

/**
 * Resolves a user-given dataset path (symlinks and `..` included) and requires it under one of the
 * roots: BAD_USER_INPUT when it does not exist, FORBIDDEN when it resolves outside every root.
 */
export function resolveDatasetPath(input: string, roots: readonly string[]): string {
  const trimmed = input.trim();
  if (trimmed === "" || trimmed.includes("\0")) throw badInput(`Invalid dataset path ${JSON.stringify(input)}`, "path", input);
  const expanded = trimmed === "~" || trimmed.startsWith("~/") ? join(homedir(), trimmed.slice(1)) : trimmed;
  let real: string;
  try {
    real = realpathSync(resolve(expanded));
  } catch {
    throw badInput(`Dataset path ${JSON.stringify(input)} does not exist`, "path", input);
  }
  const allowed = realRoots(roots);
  if (!allowed.some((root) => isInside(root, real))) {
    throw graftError(
      "FORBIDDEN",
      `Dataset path ${JSON.stringify(input)} resolves to ${JSON.stringify(real)}, outside the allowed roots (${roots.join(", ")}); set GRAFT_DATA_ROOTS to allow it`,
      { field: "path" },
    );
  }
  return real;
}
