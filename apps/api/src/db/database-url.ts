/**
 * Naming the database the config points at (the SQLite file's path, or the PostgreSQL URL without
 * its password), and telling the dialects apart: one rule with `npm start` and `graft db copy`
 * (`@graft/config/database-url`). Apart from the openers, so that naming the database (main.ts,
 * before the server's imports) loads no driver or schema.
 */
export { databaseLabel, isPostgresUrl, redactedUrl } from "@graft/config/database-url";
