/** Whether `url` names a PostgreSQL database (`postgres://` or `postgresql://`). */
export declare function isPostgresUrl(url: string): boolean;

/** `url` without its password (in the authority or as a `password`/`sslpassword`/`sslkey` query parameter), for messages. */
export declare function redactedUrl(url: string): string;

/**
 * The database named by GRAFT_DATABASE_URL (`databaseUrl`, null when unset) for a data directory:
 * the SQLite file's path, or the PostgreSQL URL without its password.
 */
export declare function databaseLabel(config: { dataDir: string; databaseUrl: string | null | undefined }): string;
