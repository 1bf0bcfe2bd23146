/** The API's port when GRAFT_API_PORT is unset. */
export declare const DEFAULT_API_PORT: number;

/** The path the API serves GraphQL on (HTTP and WebSocket). */
export declare const GRAPHQL_PATH: "/graphql";

/** Thrown for an API address that is not one; the message names the setting and quotes the value. */
export declare class ApiUrlError extends Error {
  constructor(message: string);
}

/** Where an API answers. */
export interface ApiEndpoints {
  /** The GraphQL endpoint (HTTP POST and WebSocket), e.g. `http://127.0.0.1:4000/graphql`. */
  graphql: string;
  /** The same without `/graphql`, where `/healthz` and `/datasets/...` live; no trailing slash. */
  base: string;
}

/**
 * Parses an API address. It means the GraphQL endpoint (`http://host:4000/graphql`, or a path ending
 * in /graphql behind a proxy); the bare origin is accepted as shorthand for `<origin>/graphql`.
 * Anything else is refused with an {@link ApiUrlError} naming `setting` and quoting the value.
 */
export declare function parseApiUrl(raw: string, setting?: string): ApiEndpoints;

/** The endpoint of an API on this machine at `port`. */
export declare function localApiUrl(port?: number): string;

/** The API address from the environment: GRAFT_API_URL, else the local API on GRAFT_API_PORT (4000). */
export declare function apiUrlFromEnv(env?: Record<string, string | undefined>): ApiEndpoints;
