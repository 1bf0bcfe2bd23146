// The one rule for GRAFT_API_URL (and `--api`), shared by `npm start`/`npm run demo` (plain Node),
// `graft train`/`graft agent` and the dashboard's server. Plain JavaScript on purpose: the root
// scripts run without a TypeScript loader. Types are in api-url.d.ts.
/* global process, URL */

/** The API's port when GRAFT_API_PORT is unset. */
export const DEFAULT_API_PORT = 4000;

/** The path the API serves GraphQL on (HTTP and WebSocket). */
export const GRAPHQL_PATH = "/graphql";

const EXAMPLE = `http://127.0.0.1:${DEFAULT_API_PORT}${GRAPHQL_PATH}`;

/** Thrown for an API address that is not one; the message names the setting and quotes the value. */
export class ApiUrlError extends Error {
  constructor(message) {
    super(message);
    this.name = "ApiUrlError";
  }
}

/**
 * Parses an API address. It means the GraphQL endpoint (`http://host:4000/graphql`, or a path ending
 * in /graphql behind a proxy); the bare origin (`http://host:4000`, `http://host:4000/`) is accepted
 * as shorthand for `<origin>/graphql`. Anything else (another path, a query string, a scheme other
 * than http/https) is refused with an {@link ApiUrlError} naming `setting` and quoting the value,
 * rather than guessed at: a guess is how `/graphql/graphql` came about.
 */
export function parseApiUrl(raw, setting = "GRAFT_API_URL") {
  const text = String(raw ?? "").trim();
  const expected = `${setting} must be the API's GraphQL endpoint, like ${EXAMPLE}`;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new ApiUrlError(`${expected}; got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ApiUrlError(`${expected} (http or https); got ${JSON.stringify(text)}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ApiUrlError(`${expected}, without a query string, fragment or credentials; got ${JSON.stringify(text)}`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (path !== "" && !path.endsWith(GRAPHQL_PATH)) {
    throw new ApiUrlError(`${expected}: the path must end in ${GRAPHQL_PATH}; got ${JSON.stringify(text)}`);
  }
  // A prefix of /graphql is almost surely the endpoint pasted where an origin was meant (the bug
  // that broke `npm start`); no Graft API is served under it.
  if (path.endsWith(`${GRAPHQL_PATH}${GRAPHQL_PATH}`)) {
    throw new ApiUrlError(`${expected}: ${GRAPHQL_PATH} appears twice at the end of the path; got ${JSON.stringify(text)}`);
  }
  const base = `${url.origin}${path === "" ? "" : path.slice(0, -GRAPHQL_PATH.length)}`;
  return { graphql: `${base}${GRAPHQL_PATH}`, base };
}

/** The endpoint of an API on this machine at `port`. */
export function localApiUrl(port = DEFAULT_API_PORT) {
  return `http://127.0.0.1:${port}${GRAPHQL_PATH}`;
}

/**
 * The API address from the environment: GRAFT_API_URL, else the local API on GRAFT_API_PORT (4000).
 * Throws an {@link ApiUrlError} for a malformed value.
 */
export function apiUrlFromEnv(env = process.env) {
  const fromEnv = env.GRAFT_API_URL?.trim();
  if (fromEnv) return parseApiUrl(fromEnv, "GRAFT_API_URL");
  const port = env.GRAFT_API_PORT?.trim() || String(DEFAULT_API_PORT);
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new ApiUrlError(`GRAFT_API_PORT must be a TCP port between 1 and 65535, got ${JSON.stringify(port)}`);
  }
  return parseApiUrl(localApiUrl(Number(port)), "GRAFT_API_PORT");
}
