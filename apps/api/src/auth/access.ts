import { type OperationTypeNode } from "graphql";
import { httpGraftError } from "../errors";
import { bearerToken, tokensEqual } from "./token";

/** Who is calling, as far as authorization cares. */
export interface AuthInfo {
  /** A token was sent (right or wrong). */
  tokenPresent: boolean;
  /** The token sent matches the API token. */
  authorized: boolean;
  /** The TCP peer is this machine. */
  loopback: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Whether a socket address is the loopback interface (proxies' headers are deliberately ignored). */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (LOOPBACK.has(address) || address.startsWith("127."));
}

/** Builds {@link AuthInfo} from an Authorization header value and the peer address. */
export function authInfo(authorization: string | undefined | null, remoteAddress: string | undefined, apiToken: string): AuthInfo {
  const token = bearerToken(authorization);
  return {
    tokenPresent: token !== null,
    authorized: token !== null && tokensEqual(token, apiToken),
    loopback: isLoopback(remoteAddress),
  };
}

/**
 * The access rule: every mutation needs the bearer token (UNAUTHENTICATED otherwise); queries and
 * subscriptions are open on loopback, and elsewhere need the token (FORBIDDEN without one,
 * UNAUTHENTICATED with a wrong one). Throws the GraphQL error to return.
 */
export function assertAllowed(operation: OperationTypeNode | "query" | "mutation" | "subscription", auth: AuthInfo): void {
  if (auth.authorized) return;
  if (operation === "mutation") {
    throw httpGraftError(
      "UNAUTHENTICATED",
      auth.tokenPresent
        ? "The bearer token is not valid for this API"
        : "Mutations need an `Authorization: Bearer <GRAFT_API_TOKEN>` header",
    );
  }
  if (auth.tokenPresent) throw httpGraftError("UNAUTHENTICATED", "The bearer token is not valid for this API");
  if (!auth.loopback) throw httpGraftError("FORBIDDEN", "Reads from other hosts than loopback need the API bearer token");
}
