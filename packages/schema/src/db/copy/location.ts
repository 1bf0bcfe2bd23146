/** Where a database is, as `--from`/`--to` name it: a SQLite file or a PostgreSQL URL. */
import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isPostgresUrl, redactedUrl } from "@graft/config/database-url";
import { DbCopyError } from "./errors";

/** A SQLite file (absolute path) or a PostgreSQL database (connection URL, password included). */
export type DbLocation = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

// One rule with the API and `npm start` for telling and naming databases.
export { isPostgresUrl, redactedUrl };

/**
 * Any `scheme://user:password@host…` string with its credentials hidden, parsable as a URL or not:
 * everything between `://` and the last `@` goes, since an unescaped `/` or `@` in a password is
 * the usual reason such a URL does not parse.
 */
function withoutCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/).*@/i, "$1***@");
}

/**
 * Reads `value` (a path, relative to `cwd`; a `file:` URL; or a `postgres://` URL) as a database
 * location. `flag` names where it came from in the error's message.
 */
export function parseDbLocation(value: string, flag: string, cwd: string): DbLocation {
  if (value.trim() === "")
    throw new DbCopyError("BAD_LOCATION", `${flag} is empty: give a SQLite file path, a file: URL or a postgres:// URL`);
  if (isPostgresUrl(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new DbCopyError(
        "BAD_LOCATION",
        `${flag} is not a valid PostgreSQL URL: "${withoutCredentials(value)}"; expected postgres://user:password@host:5432/database (percent-encode / and @ in the password)`,
      );
    }
    // The host may be left out (a local socket, or ?host=/run/postgresql); the database may not: the
    // driver's fallback (a database named after the user) is too easy to copy into by mistake.
    if (url.pathname.replace(/^\//, "") === "")
      throw new DbCopyError(
        "BAD_LOCATION",
        `${flag} must name a database, like postgres://user:password@host:5432/graft; got "${redactedUrl(value)}"`,
      );
    return { dialect: "postgres", url: value };
  }
  if (/^file:/i.test(value)) {
    try {
      return { dialect: "sqlite", file: fileURLToPath(value) };
    } catch {
      throw new DbCopyError("BAD_LOCATION", `${flag} is not a valid file: URL: "${value}"; expected file:///path/to/graft.db`);
    }
  }
  // Any other scheme (mysql://, http://) is a mistake, not a file name with a colon in it.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    throw new DbCopyError(
      "BAD_LOCATION",
      `${flag} must be a SQLite file path, a file: URL or a postgres:// URL; got "${withoutCredentials(value)}"`,
    );
  return { dialect: "sqlite", file: resolve(cwd, value) };
}

/** The location for messages: the file's path, or the URL with its password hidden. */
export function describeLocation(location: DbLocation): string {
  return location.dialect === "sqlite" ? location.file : redactedUrl(location.url);
}

/** A SQLite file's identity: device and inode when it exists (so links and `..` compare equal), else its path. */
function fileIdentity(file: string): string {
  try {
    const s = statSync(file);
    return `inode:${s.dev}:${s.ino}`;
  } catch {
    try {
      return `path:${realpathSync(file)}`;
    } catch {
      return `path:${file}`;
    }
  }
}

/** A PostgreSQL database's identity: host, port and database name (not the user or password). */
function serverIdentity(url: string): string {
  const u = new URL(url);
  return `pg:${u.hostname.toLowerCase()}:${u.port || "5432"}${decodeURIComponent(u.pathname)}`;
}

/** Whether `a` and `b` name the same database (a copy onto itself would empty it with `replace`). */
export function sameDatabase(a: DbLocation, b: DbLocation): boolean {
  if (a.dialect === "sqlite" && b.dialect === "sqlite") return fileIdentity(a.file) === fileIdentity(b.file);
  if (a.dialect === "postgres" && b.dialect === "postgres") return serverIdentity(a.url) === serverIdentity(b.url);
  return false;
}
