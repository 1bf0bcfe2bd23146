/** Resolves the browser's subscription URL from the runtime config and the page location. */
import type { PublicApiConfig } from "./server/api-config";

/** ws(s)://<page hostname>:<api port>/graphql unless a public URL was configured. */
export function resolveWsUrl(config: PublicApiConfig, location: { protocol: string; hostname: string }): string {
  if (config.wsUrl) return config.wsUrl;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const host = location.hostname.includes(":") ? `[${location.hostname}]` : location.hostname;
  return `${scheme}://${host}:${config.port}/graphql`;
}
