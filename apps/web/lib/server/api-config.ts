/**
 * Server-only settings: where the API is and the token the proxy adds. Read per request (not at
 * build time) so one build runs against any API; the token never reaches the browser.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { apiUrlFromEnv, type ApiEndpoints } from "@graft/config/api-url";

/** The environment variables read here (process.env, or a plain object in tests). */
export type Env = Record<string, string | undefined>;

/**
 * Where the API answers for server-side requests: its GraphQL endpoint (GRAFT_API_URL, which means
 * the endpoint everywhere in Graft; see @graft/config/api-url) and the base its other routes hang off.
 */
export function apiEndpoints(env: Env = process.env): ApiEndpoints {
  return apiUrlFromEnv(env);
}

/**
 * The API token: GRAFT_API_TOKEN, else the file the API writes at ${GRAFT_DATA_DIR}/api-token.
 * Undefined when neither exists (reads still work from loopback; mutations will be refused).
 */
export async function apiToken(env: Env = process.env): Promise<string | undefined> {
  const fromEnv = env.GRAFT_API_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  const file = path.resolve(env.GRAFT_DATA_DIR?.trim() || "./data", "api-token");
  try {
    const t = (await readFile(file, "utf8")).trim();
    return t.length > 0 ? t : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the browser needs to open the subscription WebSocket. With GRAFT_API_PUBLIC_URL set the
 * URL is fixed; otherwise the client builds ws://<page hostname>:<port>/graphql.
 */
export interface PublicApiConfig {
  wsUrl: string | null;
  port: string;
}

/** Public (browser-safe) API settings. */
export function publicApiConfig(env: Env = process.env): PublicApiConfig {
  const pub = env.GRAFT_API_PUBLIC_URL?.trim();
  const port = env.GRAFT_API_PORT?.trim() || "4000";
  if (!pub) return { wsUrl: null, port };
  const ws = pub.replace(/^http/, "ws").replace(/\/+$/, "");
  return { wsUrl: ws.endsWith("/graphql") ? ws : `${ws}/graphql`, port };
}
