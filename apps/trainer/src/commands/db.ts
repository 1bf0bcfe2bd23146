/**
 * `graft db copy --from DB --to DB [--replace]`: moves a tracker between databases (a SQLite file
 * into PostgreSQL, or back, or into another file as a backup). An admin command beside the
 * training ones, so the trainer depends on `@graft/schema` here: the copy must read and write
 * every table exactly as the API's schema declares them, and the schema package (below the API and
 * the trainer in the graph) is where the tables and the copy engine live. It is imported only when
 * the command runs, so `graft --help` and the training commands load no database driver.
 */
import { parseArgs } from "node:util";
import type { CopyReport, TableCopy } from "@graft/schema/db/copy";
import { EXIT, UsageError } from "../cli/errors";
import type { CliIo } from "../cli/io";

export const DB_HELP = `Usage: graft db copy --from DB --to DB [--replace]

Copies a Graft tracker from one database into another: every experiment, dataset, sweep, run,
epoch, evaluation, test-set evaluation, tag, note, artifact, checkpoint record, prediction and
agent. DB is a SQLite file (a path, or a file: URL) or a PostgreSQL URL
(postgres://user:password@host:5432/graft); any direction works, so the same command moves a
tracker into PostgreSQL, back into SQLite, or makes a SQLite backup.

  --from DB    the tracker to copy; only read (a SQLite file is opened read-only), from one snapshot
  --to DB      where to copy it: migrated to this release first; a SQLite file is created if missing
  --replace    empty the target's Graft tables first (in the copy's transaction) instead of
               refusing a target that already holds rows

The target is filled in one transaction that commits only when every table's row count matches
the source's, so a refusal or a failure leaves its rows as they were (a target of an earlier
release is refused rather than migrated, unless --replace; a new target keeps this release's
empty tables after a failure). Stop the API on the target while
copying. Files the API keeps in GRAFT_DATA_DIR (checkpoints/, api-token) are not in the database:
copy that folder to the API that serves the new database (see the README).

Exit codes: 0 copied and counts match, 1 the copy failed (unreachable server, a row the target
refused, counts differ), 2 bad input (flags, locations, a source or target refused).`;

/** Refusals caused by what the user named: exit 2. Failures of the copy itself exit 1. */
const BAD_INPUT_CODES = new Set([
  "SAME_DATABASE",
  "SOURCE_MISSING",
  "NOT_GRAFT_DATABASE",
  "SOURCE_OUTDATED",
  "TARGET_OUTDATED",
  "NEWER_THAN_RELEASE",
  "TARGET_NOT_EMPTY",
]);

/** The per-table counts as an aligned table: what was checked before the commit. */
function countsTable(report: CopyReport): string {
  const width = Math.max(...report.tables.map((t) => t.table.length), "table".length);
  const num = (n: number | string) => String(n).padStart(8);
  const lines = [`${"table".padEnd(width)}${num("source")}${num("target")}`];
  for (const t of report.tables)
    lines.push(`${t.table.padEnd(width)}${num(t.sourceRows)}${num(t.targetRows)}${t.sourceRows === t.targetRows ? "" : "  ✗"}`);
  return lines.join("\n");
}

function progressLine(t: TableCopy): string {
  return `copied ${t.table.padEnd(22)} ${String(t.targetRows).padStart(8)} ${t.targetRows === 1 ? "row " : "rows"}  ${t.seconds.toFixed(2)} s`;
}

/** Runs `graft db copy`; returns the exit code. */
async function copyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      replace: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(`${DB_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`graft db copy takes no positional arguments, got ${JSON.stringify(positionals)}`);
  if (values.from === undefined)
    throw new UsageError("graft db copy needs --from DB, the tracker to copy (a SQLite file or a postgres:// URL)");
  if (values.to === undefined) throw new UsageError("graft db copy needs --to DB, where to copy it (a SQLite file or a postgres:// URL)");

  const { copyDatabase, DbCopyError, describeLocation, parseDbLocation, SKIPPED_TABLES } = await import("@graft/schema/db/copy");
  try {
    const from = parseDbLocation(values.from, "--from", io.cwd);
    const to = parseDbLocation(values.to, "--to", io.cwd);
    io.stdout.write(`copying ${describeLocation(from)} → ${describeLocation(to)}${values.replace ? " (replacing what it holds)" : ""}\n`);
    const report = await copyDatabase({
      from,
      to,
      replace: values.replace ?? false,
      onTable: (t) => io.stdout.write(`${progressLine(t)}\n`),
    });
    if (report.replaced.length > 0)
      io.stdout.write(`emptied the target first (rows it held: ${report.replaced.map((r) => `${r.table} ${r.rows}`).join(", ")})\n`);
    const total = report.tables.reduce((n, t) => n + t.targetRows, 0);
    io.stdout.write(`\n${countsTable(report)}\n\n`);
    io.stdout.write(
      `copied ${total} rows in ${report.tables.length} tables in ${report.seconds.toFixed(2)} s; every count matches (not copied: ${SKIPPED_TABLES.join(", ")}, the health check's scratch table)\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof DbCopyError)) throw error;
    if (error.code === "BAD_LOCATION") throw new UsageError(error.message);
    io.stderr.write(`graft db copy: ${error.message}\n`);
    return BAD_INPUT_CODES.has(error.code) ? EXIT.badInput : EXIT.failure;
  }
}

/** Runs `graft db <subcommand>`; returns the exit code. */
export async function dbCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "copy":
      return copyCommand(rest, io);
    case undefined:
    case "--help":
    case "-h":
    case "help":
      io.stdout.write(`${DB_HELP}\n`);
      return sub === undefined ? EXIT.badInput : EXIT.ok;
    default:
      throw new UsageError(`unknown subcommand "${sub}"; graft db has one: copy`);
  }
}
