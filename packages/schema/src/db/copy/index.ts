/**
 * `@graft/schema/db/copy`: copies a Graft tracker between databases (SQLite file or PostgreSQL,
 * either way), the engine of `graft db copy`.
 */
export { copyDatabase, type CopyOptions, type CopyReport, type TableCopy } from "./copy";
export { DbCopyError, type DbCopyErrorCode } from "./errors";
export { type DbLocation, describeLocation, parseDbLocation, redactedUrl } from "./location";
export { COPIED_TABLES, SKIPPED_TABLES } from "./tables";
